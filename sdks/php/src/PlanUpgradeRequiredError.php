<?php

declare(strict_types=1);

namespace BakongPay;

/** 403: the endpoint needs the Pro or Enterprise plan. */
class PlanUpgradeRequiredError extends ApiError
{
}
