<?php

declare(strict_types=1);

namespace BakongPay;

/** 502 or 504: Bakong (NBC) could not be reached or did not answer in time. */
class UpstreamError extends ApiError
{
}
