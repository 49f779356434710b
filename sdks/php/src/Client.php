<?php

declare(strict_types=1);

namespace BakongPay;

use BakongPay\Generated\Api\MetaApi;
use BakongPay\Generated\Api\PaymentsApi;
use BakongPay\Generated\Api\QRApi;
use BakongPay\Generated\ApiException;
use BakongPay\Generated\Configuration;
use BakongPay\Generated\Model;
use GuzzleHttp\Client as HttpClient;
use GuzzleHttp\Exception\GuzzleException;
use GuzzleHttp\HandlerStack;
use GuzzleHttp\Middleware;
use Psr\Http\Message\RequestInterface;
use Psr\Http\Message\ResponseInterface;

/**
 * The generated client (BakongPay\Generated, built from the OpenAPI document) behind the few things
 * it does awkwardly: the Bearer key, an Idempotency-Key on create, a typed ApiError with the error
 * envelope instead of its ApiException, and a retry of a 429 after the server's Retry-After.
 * Requests take the API's own field names (merchantName, expiresInSeconds, …); answers are the
 * generated models (getTransactionId(), getQrString(), …).
 */
final class Client
{
    private readonly PaymentsApi $payments;
    private readonly QRApi $qr;
    private readonly MetaApi $meta;
    private readonly HttpClient $http;

    /**
     * @param array{timeout?: float, max_retries?: int, max_retry_wait?: int, handler?: callable} $options
     *        max_retries (default 2) retries of a 429 whose Retry-After is at most max_retry_wait seconds
     *        (default 60); handler replaces Guzzle's (tests)
     */
    public function __construct(string $baseUrl, string $apiKey, array $options = [])
    {
        if ($apiKey === '') {
            throw new \InvalidArgumentException('apiKey is required (bk_test_… or bk_live_…)');
        }
        $stack = HandlerStack::create($options['handler'] ?? null);
        $stack->push(Middleware::retry(
            self::retryOn429($options['max_retries'] ?? 2, $options['max_retry_wait'] ?? 60),
            static fn (int $retries, ?ResponseInterface $response): int => 1000 * (self::retryAfter($response) ?? 0),
        ), 'retry_429');
        $this->http = new HttpClient(['handler' => $stack, 'timeout' => $options['timeout'] ?? 30]);
        // the server's address (http://127.0.0.1:8080), as the other SDKs take it; …/api/v1 is fine too
        $root = rtrim($baseUrl, '/');
        $config = (new Configuration())->setHost(str_ends_with($root, '/api/v1') ? $root : $root . '/api/v1')
            ->setAccessToken($apiKey)
            ->setUserAgent('bakongpay-php/0.1.0');
        $this->payments = new PaymentsApi($this->http, $config);
        $this->qr = new QRApi($this->http, $config);
        $this->meta = new MetaApi($this->http, $config);
    }

    /**
     * A dynamic KHQR for one payment: $order has amount, merchantName, bakongId and any other field
     * of CreateRequest. The same $idempotencyKey with the same order answers the first result again.
     */
    public function createKhqr(array $order, ?string $idempotencyKey = null, ?string $requestId = null): Model\CreateResult
    {
        $request = new Model\CreateRequest(self::fields(Model\CreateRequest::class, $order));
        return $this->call(fn () => $this->payments->createKhqr($request, $requestId, $idempotencyKey))->getData();
    }

    /** The payment status of a KHQR by its md5, asking Bakong when it is still pending. */
    public function checkMd5(string $md5, ?string $requestId = null): Model\CheckResult
    {
        return $this->call(fn () => $this->payments->checkMd5(new Model\Md5Request(['md5' => $md5]), $requestId))->getData();
    }

    /** @param list<string> $md5s up to 50 (Pro and Enterprise plans) */
    public function checkBulk(array $md5s, ?string $requestId = null): Model\BulkResult
    {
        $request = new Model\BulkRequest(['md5s' => array_values($md5s)]);
        return $this->call(fn () => $this->payments->checkBulk($request, $requestId))->getData();
    }

    /** A stored transaction by its transactionId (the default), md5 or Bakong hash. */
    public function lookupTransaction(string $query, string $type = 'transactionId', ?string $requestId = null): Model\Transaction
    {
        $request = new Model\LookupRequest(['query' => $query, 'type' => $type]);
        return $this->call(fn () => $this->payments->lookupTransaction($request, $requestId))->getData();
    }

    /** A PNG or SVG of any valid KHQR as a data URL; $options: size, foreground, background, format. */
    public function generateQr(string $qrString, array $options = [], ?string $requestId = null): Model\QrGenerateResult
    {
        $request = self::qrRequest($qrString, $options);
        return $this->call(fn () => $this->qr->generateQr($request, $requestId))->getData();
    }

    /** The image itself: PNG bytes, or SVG text with $options['format'] = 'svg'. */
    public function generateQrImage(string $qrString, array $options = [], ?string $requestId = null): string
    {
        $request = $this->qr->generateQrRequest(self::qrRequest($qrString, $options), $requestId)
            ->withHeader('Accept', ($options['format'] ?? 'png') === 'svg' ? 'image/svg+xml' : 'image/png');
        return $this->call(function () use ($request): string {
            try {
                return (string) $this->http->send($request)->getBody();
            } catch (GuzzleException $e) {
                $response = method_exists($e, 'getResponse') ? $e->getResponse() : null;
                throw new ApiException($e->getMessage(), $response?->getStatusCode() ?? 0,
                    $response?->getHeaders(), $response ? (string) $response->getBody() : null);
            }
        });
    }

    /** The server's OpenAPI document. */
    public function openApi(): object
    {
        return $this->call(fn () => $this->meta->openApi());
    }

    private function call(callable $operation): mixed
    {
        try {
            return $operation();
        } catch (ApiException $e) {
            throw ApiError::from($e);
        }
    }

    private static function qrRequest(string $qrString, array $options): Model\QrGenerateRequest
    {
        return new Model\QrGenerateRequest(self::fields(Model\QrGenerateRequest::class, ['qrString' => $qrString] + $options));
    }

    /**
     * The generated model's constructor data from the API's field names, refusing names the
     * document does not have (a typo would otherwise be dropped silently).
     *
     * @param class-string<Model\ModelInterface> $model
     */
    private static function fields(string $model, array $values): array
    {
        $byApiName = array_flip($model::attributeMap());
        $data = [];
        foreach ($values as $name => $value) {
            if (!isset($byApiName[$name])) {
                throw new \InvalidArgumentException("$name is not a field of " . (new $model())->getModelName()
                    . ' (fields: ' . implode(', ', array_keys($byApiName)) . ')');
            }
            $data[$byApiName[$name]] = $value;
        }
        return $data;
    }

    private static function retryOn429(int $maxRetries, int $maxWait): callable
    {
        return static function (int $retries, RequestInterface $request, ?ResponseInterface $response) use ($maxRetries, $maxWait): bool {
            if ($response === null || $response->getStatusCode() !== 429 || $retries >= $maxRetries) {
                return false;
            }
            $wait = self::retryAfter($response);
            return $wait !== null && $wait <= $maxWait;
        };
    }

    /** Retry-After in seconds: delta-seconds or an HTTP date. */
    private static function retryAfter(?ResponseInterface $response): ?int
    {
        $value = trim($response?->getHeaderLine('Retry-After') ?? '');
        if ($value === '') {
            return null;
        }
        if (ctype_digit($value)) {
            return (int) $value;
        }
        $date = strtotime($value);
        return $date === false ? null : max(0, $date - time());
    }
}
