<?php

declare(strict_types=1);

namespace BakongPay;

/** The server could not be reached (status 0). */
class ConnectionFailed extends ApiError
{
}
