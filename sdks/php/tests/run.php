<?php

declare(strict_types=1);

/*
 * The SDK's tests without PHPUnit (not packaged for this Debian): every tests/*Test.php returns
 * [name => closure]; a closure passes unless it throws. One "ok"/"not ok" line per test, like TAP;
 * the exit code is the number of failures (0: all passed).
 */
require __DIR__ . '/../autoload.php';

function check(bool $condition, string $what): void
{
    if (!$condition) {
        throw new AssertionError($what);
    }
}

function same(mixed $expected, mixed $actual, string $what = ''): void
{
    check($expected === $actual, "$what: expected " . var_export($expected, true) . ', got ' . var_export($actual, true));
}

$run = 0;
$failed = 0;
foreach (glob(__DIR__ . '/*Test.php') as $file) {
    foreach (require $file as $name => $test) {
        $run++;
        try {
            $test();
            echo 'ok ', basename($file, '.php'), ': ', $name, "\n";
        } catch (Throwable $e) {
            $failed++;
            echo 'not ok ', basename($file, '.php'), ': ', $name, ' - ', get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}
echo "Tests run: $run, failures: $failed\n";
exit(min($failed, 100));
