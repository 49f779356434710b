package dev.bakongpay.adapters.redis;

import dev.bakongpay.testsupport.Services;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis for the adapter's tests: {@code -Dbakongpay.test.redis.url} or env
 * {@code BAKONGPAY_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}). Every test class uses
 * its own key prefix and deletes its keys afterwards. Without Redis the tests are skipped with
 * the reason, unless {@code CI=true}, where they fail ({@code @RequiresService(Service.REDIS)} on the
 * test class).
 */
final class TestRedis {
    static final String DEFAULT_URL = Services.DEFAULT_REDIS_URL;

    private TestRedis() {}

    static String url() {
        return Services.redisUrl();
    }

    static String uniquePrefix() {
        byte[] b = new byte[5];
        ThreadLocalRandom.current().nextBytes(b);
        return "bakongpay-test:" + HexFormat.of().formatHex(b) + ":";
    }

    /** Deletes every key under {@code prefix}. */
    static void deleteKeys(String prefix) {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync()
                        .scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) c.sync().del(page.getKeys().toArray(String[]::new));
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }

    static long countKeys(String prefix) {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().keys(prefix + "*").size();
        } finally {
            client.shutdown();
        }
    }
}
