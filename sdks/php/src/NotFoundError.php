<?php

declare(strict_types=1);

namespace BakongPay;

/** 404: no such transaction for this merchant. */
class NotFoundError extends ApiError
{
}
