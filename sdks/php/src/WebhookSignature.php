<?php

declare(strict_types=1);

namespace BakongPay;

/**
 * The BakongPay-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.
 * Verify the raw body as received (file_get_contents('php://input')), before any json_decode.
 */
final class WebhookSignature
{
    public const HEADER = 'BakongPay-Signature';
    public const EVENT_ID_HEADER = 'BakongPay-Event-Id';
    public const DEFAULT_TOLERANCE = 300;

    public const VALID = 'valid';
    /** No header, or it does not look like t=…,v1=… */
    public const MALFORMED = 'malformed';
    /** The timestamp is further from now than the tolerance. */
    public const STALE = 'stale';
    /** No v1 matches: another secret, or the body was changed. */
    public const MISMATCH = 'mismatch';

    /** The header BakongPay sends for $body at $timestamp (for your own tests). */
    public static function header(string $secret, int $timestamp, string $body): string
    {
        return 't=' . $timestamp . ',v1=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);
    }

    /** Whether $header signs the raw $body with $secret, within $tolerance seconds of $now (default: time()). */
    public static function verify(string $secret, ?string $header, string $body, ?int $now = null, int $tolerance = self::DEFAULT_TOLERANCE): bool
    {
        return self::check($secret, $header, $body, $now, $tolerance) === self::VALID;
    }

    /**
     * VALID, MALFORMED, STALE or MISMATCH. Several v1 entries are allowed (a secret being rotated):
     * one match is enough. Compared in constant time.
     */
    public static function check(string $secret, ?string $header, string $body, ?int $now = null, int $tolerance = self::DEFAULT_TOLERANCE): string
    {
        if ($header === null) {
            return self::MALFORMED;
        }
        $timestamp = null;
        $candidates = [];
        foreach (explode(',', $header) as $part) {
            $p = trim($part);
            if (str_starts_with($p, 't=')) {
                if (preg_match('/\A[+-]?[0-9]+\z/', substr($p, 2)) !== 1) {
                    return self::MALFORMED;
                }
                $timestamp = (int) substr($p, 2);
            } elseif (str_starts_with($p, 'v1=')) {
                if (preg_match('/\A(?:[0-9a-fA-F]{2})*\z/', substr($p, 3)) !== 1) {
                    return self::MALFORMED;
                }
                $candidates[] = strtolower(substr($p, 3));
            }
        }
        if ($timestamp === null || $candidates === []) {
            return self::MALFORMED;
        }
        if (abs(($now ?? time()) - $timestamp) > $tolerance) {
            return self::STALE;
        }
        $expected = hash_hmac('sha256', $timestamp . '.' . $body, $secret);
        $match = false;
        foreach ($candidates as $candidate) {
            $match = hash_equals($expected, $candidate) || $match;
        }
        return $match ? self::VALID : self::MISMATCH;
    }
}
