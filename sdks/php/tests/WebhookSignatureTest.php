<?php

declare(strict_types=1);

use BakongPay\WebhookSignature;

return [
    'every shared vector (made by the Java signer) gets its expected verdict' => function (): void {
        $vectors = json_decode((string) file_get_contents(__DIR__ . '/../../webhook-signature-vectors.json'), true, 512, JSON_THROW_ON_ERROR);
        check(count($vectors['cases']) > 10, 'the vectors file has its cases');
        foreach ($vectors['cases'] as $case) {
            same($case['expected'], WebhookSignature::check($case['secret'], $case['header'], $case['body'],
                $vectors['now'], $vectors['tolerance_seconds']), $case['name']);
            same($case['valid'], WebhookSignature::verify($case['secret'], $case['header'], $case['body'],
                $vectors['now'], $vectors['tolerance_seconds']), $case['name']);
        }
    },
    'the documented vector of adapters/webhook/README.md' => function (): void {
        same('t=1764489600,v1=c430d7c295a0e0b3aca8cb0dd678eaa6deb0d5de6fa7903145989f05a45e3ff3',
            WebhookSignature::header('whsec_test_secret', 1764489600, '{"id":"evt","amount":25.00}'));
    },
    'no header is malformed; the clock defaults to now' => function (): void {
        same(WebhookSignature::MALFORMED, WebhookSignature::check('s', null, '{}'));
        check(WebhookSignature::verify('s', WebhookSignature::header('s', time(), '{}'), '{}'), 'fresh');
        same(WebhookSignature::STALE, WebhookSignature::check('s', WebhookSignature::header('s', time() - 3600, '{}'), '{}'));
    },
];
