<?php

declare(strict_types=1);

namespace BakongPay;

/** 409: Idempotency-Key reused with another body, or that request is still in progress. */
class ConflictError extends ApiError
{
}
