<?php

declare(strict_types=1);

namespace BakongPay;

use BakongPay\Generated\ApiException;

/**
 * An error answer of the API, with its envelope {"success": false, "error": {code, message, details}}
 * and the X-Request-Id to quote to the operator. getCode() is the HTTP status (0: no answer).
 */
class ApiError extends \RuntimeException
{
    private const BY_STATUS = [
        400 => InvalidRequestError::class,
        401 => AuthenticationError::class,
        403 => PlanUpgradeRequiredError::class,
        404 => NotFoundError::class,
        406 => InvalidRequestError::class,
        409 => ConflictError::class,
        413 => InvalidRequestError::class,
        415 => InvalidRequestError::class,
        422 => ValidationError::class,
        429 => RateLimitError::class,
        502 => UpstreamError::class,
        504 => UpstreamError::class,
    ];

    /**
     * @param list<array{field: string, code: string, message: string}> $details one entry per field that failed
     * @param array<string, list<string>> $headers
     */
    final public function __construct(
        public readonly int $status,
        public readonly ?string $errorCode,
        public readonly string $errorMessage,
        public readonly array $details,
        public readonly ?string $requestId,
        public readonly array $headers = [],
        ?\Throwable $previous = null,
    ) {
        parent::__construct(($status ? "$status " : '') . ($errorCode ? "$errorCode: " : '') . $errorMessage, $status, $previous);
    }

    /** The typed error for what the generated client threw. */
    public static function from(ApiException $e): self
    {
        $status = (int) $e->getCode();
        $headers = $e->getResponseHeaders() ?? [];
        $body = json_decode((string) $e->getResponseBody(), true);
        $error = is_array($body) && is_array($body['error'] ?? null) ? $body['error'] : [];
        $class = $status === 0 ? ConnectionFailed::class : (self::BY_STATUS[$status] ?? self::class);
        return new $class(
            $status,
            isset($error['code']) ? (string) $error['code'] : null,
            (string) ($error['message'] ?? $e->getMessage()),
            array_values(array_filter($error['details'] ?? [], 'is_array')),
            self::header($headers, 'X-Request-Id'),
            $headers,
            $e,
        );
    }

    /** @param array<string, list<string>> $headers */
    public static function header(array $headers, string $name): ?string
    {
        foreach ($headers as $key => $values) {
            if (strcasecmp((string) $key, $name) === 0) {
                return is_array($values) ? ($values[0] ?? null) : (string) $values;
            }
        }
        return null;
    }
}
