<?php

declare(strict_types=1);

namespace BakongPay;

/** 400 malformed JSON, 406 Accept and format disagree, 413 body too large, 415 not JSON. */
class InvalidRequestError extends ApiError
{
}
