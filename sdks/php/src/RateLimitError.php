<?php

declare(strict_types=1);

namespace BakongPay;

/** 429 after the client's retries. */
class RateLimitError extends ApiError
{
    /** The server's Retry-After in seconds. */
    public function retryAfter(): ?int
    {
        $value = self::header($this->headers, 'Retry-After');
        return $value !== null && ctype_digit(trim($value)) ? (int) trim($value) : null;
    }
}
