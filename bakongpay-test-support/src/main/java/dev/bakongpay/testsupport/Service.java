package dev.bakongpay.testsupport;

/** A service of the machine that some tests need; see {@link RequiresService} and {@link Services}. */
public enum Service {
    /** PostgreSQL at {@link Services#postgresUrl()} (the JDBC driver must be on the test class path). */
    POSTGRESQL,
    /** A running Redis at {@link Services#redisUrl()}. */
    REDIS,
    /** The {@code redis-server} program, for tests that start and stop a Redis of their own. */
    REDIS_SERVER,
    /** The {@code node} and {@code npm} programs. */
    NODE,
    /** Debian's headless Chromium and its driver, at {@link Services#chromium()} and {@link Services#chromedriver()}. */
    CHROMIUM
}
