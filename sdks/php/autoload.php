<?php

declare(strict_types=1);

/*
 * Loads the SDK without Composer: Guzzle and PSR-7 from Debian's packages (php-guzzlehttp-guzzle,
 * php-guzzlehttp-psr7, on PHP's include path /usr/share/php), the hand layer from src/ and the client
 * generated at build time from target/generated-php/lib/ (BAKONGPAY_GENERATED_DIR moves it).
 * With Composer, composer.json's autoload does the same.
 */
if (!class_exists(\GuzzleHttp\Client::class)) {
    require_once 'GuzzleHttp/autoload.php';
}

spl_autoload_register(static function (string $class): void {
    $roots = [
        'BakongPay\\Generated\\' => getenv('BAKONGPAY_GENERATED_DIR') ?: __DIR__ . '/target/generated-php/lib',
        'BakongPay\\' => __DIR__ . '/src',
    ];
    foreach ($roots as $prefix => $dir) {
        if (str_starts_with($class, $prefix)) {
            $file = $dir . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});
