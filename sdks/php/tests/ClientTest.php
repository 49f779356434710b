<?php

declare(strict_types=1);

use BakongPay\AuthenticationError;
use BakongPay\Client;
use BakongPay\RateLimitError;
use BakongPay\UpstreamError;
use BakongPay\ValidationError;
use GuzzleHttp\Handler\MockHandler;
use GuzzleHttp\Middleware;
use GuzzleHttp\Psr7\Response;

/** A client whose requests are answered by $answers in turn; $history receives what was sent. */
function scripted(array &$history, array $answers, array $options = []): Client
{
    // the history sits right on the handler, under the client's own stack (its retry and http_errors)
    $handler = Middleware::history($history)(new MockHandler($answers));
    return new Client('http://sandbox.test', 'bk_test_key', ['handler' => $handler] + $options);
}

function envelope(int $status, string $code, string $message, array $details = [], array $headers = []): Response
{
    return new Response($status, ['Content-Type' => 'application/json'] + $headers,
        json_encode(['success' => false, 'error' => ['code' => $code, 'message' => $message, 'details' => $details]]));
}

function created(): Response
{
    return new Response(200, ['Content-Type' => 'application/json'], json_encode(['success' => true, 'data' => [
        'transactionId' => '3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11', 'qrString' => '000201', 'qrImage' => 'data:',
        'md5' => str_repeat('a', 32), 'deepLink' => 'http://x/pay/1/app', 'checkoutUrl' => 'http://x/pay/1',
        'expiresAt' => '2026-12-06T22:00:00Z']]));
}

return [
    'create sends the Bearer key, the Idempotency-Key and the API field names' => function (): void {
        $history = [];
        $result = scripted($history, [created()])->createKhqr(
            ['amount' => 1.5, 'merchantName' => 'Coffee Corner', 'bakongId' => 'coffee@aclb', 'expiresInSeconds' => 600],
            'order-1001', 'req-1');
        $sent = $history[0]['request'];
        same('http://sandbox.test/api/v1/khqr/create', (string) $sent->getUri());
        same('Bearer bk_test_key', $sent->getHeaderLine('Authorization'));
        same('order-1001', $sent->getHeaderLine('Idempotency-Key'));
        same('req-1', $sent->getHeaderLine('X-Request-Id'));
        $body = json_decode((string) $sent->getBody(), true);
        same(['Coffee Corner', 'coffee@aclb', 600], [$body['merchantName'], $body['bakongId'], $body['expiresInSeconds']]);
        same('3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11', $result->getTransactionId());
    },
    'a field the document lacks is refused before sending' => function (): void {
        $history = [];
        try {
            scripted($history, [])->createKhqr(['amount' => 1, 'merchant' => 'x', 'bakongId' => 'a@b']);
            check(false, 'no error');
        } catch (InvalidArgumentException $e) {
            check(str_contains($e->getMessage(), 'merchant is not a field of CreateRequest'), $e->getMessage());
        }
        same(0, count($history));
    },
    'a 422 is a ValidationError with the envelope and the request id' => function (): void {
        $history = [];
        try {
            scripted($history, [envelope(422, 'validation_failed', 'Validation failed',
                [['field' => 'amount', 'code' => 'must_be_positive', 'message' => 'amount must be > 0']], ['X-Request-Id' => 'req-9'])])
                ->createKhqr(['amount' => -1, 'merchantName' => 'Shop', 'bakongId' => 'shop@aclb']);
            check(false, 'no error');
        } catch (ValidationError $e) {
            same([422, 'validation_failed', 'Validation failed', 'req-9'], [$e->status, $e->errorCode, $e->errorMessage, $e->requestId]);
            same('amount', $e->details[0]['field']);
        }
    },
    'a 401 is an AuthenticationError' => function (): void {
        $history = [];
        try {
            scripted($history, [envelope(401, 'invalid_api_key', 'Missing, unknown or revoked API key')])->checkMd5(str_repeat('a', 32));
            check(false, 'no error');
        } catch (AuthenticationError $e) {
            same('invalid_api_key', $e->errorCode);
        }
    },
    'a 429 is retried after its Retry-After, with the same Idempotency-Key' => function (): void {
        $history = [];
        $result = scripted($history, [envelope(429, 'rate_limited', 'Rate limit exceeded', [], ['Retry-After' => '1']), created()])
            ->createKhqr(['amount' => 1, 'merchantName' => 'Shop', 'bakongId' => 'shop@aclb'], 'k');
        same(str_repeat('a', 32), $result->getMd5());
        same(2, count($history));
        same(1000, $history[1]['options']['delay'], 'the retry waits Retry-After seconds');
        same('k', $history[1]['request']->getHeaderLine('Idempotency-Key'));
    },
    'a 429 asking longer than max_retry_wait is raised at once, with its Retry-After' => function (): void {
        $history = [];
        try {
            scripted($history, [envelope(429, 'rate_limited', 'Rate limit exceeded', [], ['Retry-After' => '3600'])])
                ->checkMd5(str_repeat('a', 32));
            check(false, 'no error');
        } catch (RateLimitError $e) {
            same([429, 'rate_limited', 3600], [$e->status, $e->errorCode, $e->retryAfter()]);
        }
        same(1, count($history));
    },
    'with max_retries 0 a 429 is raised at once' => function (): void {
        $history = [];
        try {
            scripted($history, [envelope(429, 'rate_limited', 'Rate limit exceeded', [], ['Retry-After' => '1'])], ['max_retries' => 0])
                ->checkMd5(str_repeat('a', 32));
            check(false, 'no error');
        } catch (RateLimitError $e) {
            same(1, $e->retryAfter());
        }
        same(1, count($history));
    },
    'the raw image is asked for with Accept' => function (): void {
        $history = [];
        $svg = scripted($history, [new Response(200, ['Content-Type' => 'image/svg+xml'], '<svg/>')])
            ->generateQrImage('000201', ['format' => 'svg', 'size' => 200]);
        same('<svg/>', $svg);
        same('image/svg+xml', $history[0]['request']->getHeaderLine('Accept'));
        $body = json_decode((string) $history[0]['request']->getBody(), true);
        same(['000201', 200, 'svg'], [$body['qrString'], $body['size'], $body['format']]);
    },
    'an answer that is not the envelope still gives the typed error' => function (): void {
        $history = [];
        try {
            scripted($history, [new Response(502, ['Content-Type' => 'text/html'], '<html>Bad Gateway</html>')])->checkMd5(str_repeat('a', 32));
            check(false, 'no error');
        } catch (UpstreamError $e) {
            same([502, null], [$e->status, $e->errorCode]);
        }
    },
    'every operation of the generated client has its method here, so a new endpoint fails this test' => function (): void {
        $operations = [];
        foreach (['PaymentsApi', 'QRApi', 'MetaApi'] as $api) {
            foreach ((new ReflectionClass("BakongPay\\Generated\\Api\\$api"))->getMethods(ReflectionMethod::IS_PUBLIC) as $method) {
                // each operation X comes with XWithHttpInfo, XAsync, XAsyncWithHttpInfo and XRequest
                if (method_exists($method->class, $method->name . 'AsyncWithHttpInfo')) {
                    $operations[] = $method->name;
                }
            }
        }
        check(in_array('createKhqr', $operations, true) && in_array('openApi', $operations, true), 'operations found');
        foreach ($operations as $operation) {
            check(method_exists(Client::class, $operation), "BakongPay\\Client::$operation is missing");
        }
    },
];
