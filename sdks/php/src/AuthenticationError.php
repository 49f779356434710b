<?php

declare(strict_types=1);

namespace BakongPay;

/** 401: missing, unknown, revoked or expired API key. */
class AuthenticationError extends ApiError
{
}
