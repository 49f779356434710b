package dev.bakongpay.adapters.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Redis for the adapter's tests: {@code -Dbakongpay.test.redis.url} or env
 * {@code BAKONGPAY_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}). Every test class uses
 * its own key prefix and deletes its keys afterwards. Without Redis the tests are skipped with
 * the reason, unless {@code CI=true}, where they fail.
 */
final class TestRedis {
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    private TestRedis() {}

    static String url() {
        String url = System.getProperty("bakongpay.test.redis.url");
        if (url == null || url.isBlank()) url = System.getenv("BAKONGPAY_TEST_REDIS_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Skips the calling test class (or fails it on CI) when Redis does not answer. */
    static void require() {
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofSeconds(3));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            String reason = "Redis not reachable at " + url() + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException("CI=true and " + reason, e);
            String message = reason + " (skipping; start it or set BAKONGPAY_TEST_REDIS_URL)";
            System.err.println("[bakongpay-test] SKIPPED: " + message); // visible in the build log, not only in reports
            Assumptions.abort(message);
        } finally {
            client.shutdown();
        }
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
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
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
