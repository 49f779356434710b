<?php

declare(strict_types=1);

namespace BakongPay;

/** 422: one entry in details per field that failed. */
class ValidationError extends ApiError
{
}
