<?php

declare(strict_types=1);

/*
 * The SDK against a running sandbox, as a shop uses it. Prints one "ok <step>" line per step; exits 1
 * on the first failure. Environment: BAKONGPAY_URL (the server, http://127.0.0.1:PORT), BAKONGPAY_PRO_KEY, BAKONGPAY_FREE_KEY
 * (a FREE key with a small rate limit), BAKONG_SIMULATOR_URL (the sandbox's simulator, to pay as the customer).
 */
require __DIR__ . '/../autoload.php';

use BakongPay\ApiError;
use BakongPay\AuthenticationError;
use BakongPay\Client;
use BakongPay\PlanUpgradeRequiredError;
use BakongPay\RateLimitError;
use BakongPay\ValidationError;

$url = getenv('BAKONGPAY_URL');

function step(string $name, bool $condition, mixed $detail = ''): void
{
    if (!$condition) {
        echo "FAILED $name ", is_string($detail) ? $detail : var_export($detail, true), "\n";
        exit(1);
    }
    echo "ok $name\n";
}

/** The customer scans and pays: the simulator's control API. */
function payInSimulator(string $qrString): array
{
    $response = (new GuzzleHttp\Client())->post(rtrim(getenv('BAKONG_SIMULATOR_URL'), '/') . '/simulator/payments',
        ['json' => ['qr' => $qrString, 'fromAccountId' => 'dara@aclb']]);
    return json_decode((string) $response->getBody(), true)['data'];
}

/** The error $call throws, or null. */
function failure(callable $call): ?ApiError
{
    try {
        $call();
        return null;
    } catch (ApiError $e) {
        return $e;
    }
}

$shop = new Client($url, getenv('BAKONGPAY_PRO_KEY'));
$order = ['amount' => 1.5, 'currency' => 'USD', 'merchantName' => 'Coffee Corner', 'bakongId' => 'coffee@aclb', 'description' => 'Order #1001'];
$key = 'order-' . bin2hex(random_bytes(8));
$created = $shop->createKhqr($order, $key);
step('create', str_starts_with($created->getQrString(), '000201') && strlen($created->getMd5()) === 32);
step('create again with the same Idempotency-Key gives the same transaction',
    $shop->createKhqr($order, $key)->getTransactionId() === $created->getTransactionId());

step('pending before paying', $shop->checkMd5($created->getMd5())->getStatus() === 'PENDING');
$paid = payInSimulator($created->getQrString());
step('pay in the simulator', $paid['status'] === 'SUCCESS', $paid);
// a shop polls: the server may answer from its last look at Bakong for a moment
$deadline = microtime(true) + 20;
while (($checked = $shop->checkMd5($created->getMd5()))->getStatus() === 'PENDING' && microtime(true) < $deadline) {
    usleep(250_000);
}
step('check SUCCESS', $checked->getStatus() === 'SUCCESS' && (float) $checked->getTransaction()->getAmount() === 1.5, (string) $checked);

foreach (['transactionId' => $created->getTransactionId(), 'md5' => $created->getMd5(), 'hash' => $checked->getTransaction()->getHash()] as $type => $query) {
    $found = $shop->lookupTransaction($query, $type);
    step("lookup by $type", $found->getTransactionId() === $created->getTransactionId() && $found->getStatus() === 'SUCCESS', (string) $found);
}

$other = $shop->createKhqr(['amount' => 2, 'merchantName' => 'Coffee Corner', 'bakongId' => 'coffee@aclb']);
$unknown = str_repeat('0', 32);
$bulk = $shop->checkBulk([$created->getMd5(), $other->getMd5(), $unknown]);
$results = $bulk->getResults();
step('bulk (PRO key)', $bulk->getTotal() === 3 && $results[$created->getMd5()]->getStatus() === 'SUCCESS'
    && $results[$other->getMd5()]->getStatus() === 'PENDING' && $results[$unknown]->getStatus() === 'NOT_FOUND', (string) $bulk);

$png = $shop->generateQr($created->getQrString(), ['format' => 'png', 'size' => 300]);
step('render PNG as a data URL', $png->getMimeType() === 'image/png'
    && str_starts_with(base64_decode(explode(',', $png->getQrImage(), 2)[1]), "\x89PNG"));
step('render PNG bytes', str_starts_with($shop->generateQrImage($created->getQrString()), "\x89PNG"));
step('render SVG', str_contains(substr($shop->generateQrImage($created->getQrString(), ['format' => 'svg', 'foreground' => '#1a1a2e']), 0, 200), '<svg'));

$e = failure(fn () => $shop->createKhqr(['amount' => 0] + $order));
step('422 as ValidationError', $e instanceof ValidationError && $e->status === 422
    && in_array('amount', array_column($e->details, 'field'), true) && $e->requestId !== null, (string) $e);

$e = failure(fn () => (new Client($url, 'bk_test_' . str_repeat('x', 20)))->checkMd5($created->getMd5()));
step('401 as AuthenticationError', $e instanceof AuthenticationError && $e->status === 401 && $e->errorCode !== null, (string) $e);

$free = new Client($url, getenv('BAKONGPAY_FREE_KEY'), ['max_retries' => 0]);
$e = failure(fn () => $free->checkBulk([$created->getMd5()]));
step('403 as PlanUpgradeRequiredError', $e instanceof PlanUpgradeRequiredError && $e->errorCode === 'plan_upgrade_required', (string) $e);
$e = failure(function () use ($free): void {
    // a FREE key sees only its own payments
    $own = $free->createKhqr(['amount' => 1, 'merchantName' => 'Corner Stall', 'bakongId' => 'stall@aclb']);
    for ($i = 0; $i < 20; $i++) {
        $free->checkMd5($own->getMd5());
    }
});
step('429 as RateLimitError', $e instanceof RateLimitError && $e->status === 429 && $e->retryAfter() > 0, (string) $e);
echo "all steps passed\n";
