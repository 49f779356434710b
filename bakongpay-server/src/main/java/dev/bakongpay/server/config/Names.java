package dev.bakongpay.server.config;

/** The setting names, in one place so that the README table, the reader and the tests agree. */
public final class Names {
    public static final String HOST = "BAKONGPAY_HOST";
    public static final String PORT = "BAKONGPAY_PORT";
    public static final String PUBLIC_URL = "BAKONGPAY_PUBLIC_URL";
    public static final String API_KEYS = "BAKONGPAY_API_KEYS";
    public static final String DATA_DIR = "BAKONGPAY_DATA_DIR";
    public static final String DB_URL = "BAKONGPAY_DB_URL";
    public static final String DB_USER = "BAKONGPAY_DB_USER";
    public static final String DB_PASSWORD = "BAKONGPAY_DB_PASSWORD";
    public static final String DB_POOL_SIZE = "BAKONGPAY_DB_POOL_SIZE";
    public static final String REDIS_URL = "BAKONGPAY_REDIS_URL";
    public static final String BAKONG_URL = "BAKONGPAY_BAKONG_URL";
    public static final String BAKONG_TOKEN = "BAKONGPAY_BAKONG_TOKEN";
    public static final String BAKONG_EMAIL = "BAKONGPAY_BAKONG_EMAIL";
    public static final String BAKONG_PROXY = "BAKONGPAY_BAKONG_PROXY";
    public static final String TEST_BAKONG_URL = "BAKONGPAY_TEST_BAKONG_URL";
    public static final String TEST_BAKONG_TOKEN = "BAKONGPAY_TEST_BAKONG_TOKEN";
    public static final String SIMULATOR_ENABLED = "BAKONGPAY_SIMULATOR_ENABLED";
    public static final String SIMULATOR_PORT = "BAKONG_SIMULATOR_PORT";
    public static final String SIMULATOR_HOST = "BAKONG_SIMULATOR_HOST";
    public static final String SIMULATOR_CONTROL_TOKEN = "BAKONG_SIMULATOR_CONTROL_TOKEN";
    public static final String RATE_LIMITS = "BAKONGPAY_RATE_LIMITS";
    public static final String LOG_LEVEL = "BAKONGPAY_LOG_LEVEL";
    public static final String RECONCILE_SECONDS = "BAKONGPAY_RECONCILE_SECONDS";
    public static final String WEBHOOK_URL = "BAKONGPAY_WEBHOOK_URL";
    public static final String WEBHOOK_SECRET = "BAKONGPAY_WEBHOOK_SECRET";
    public static final String WEBHOOK_MAX_ATTEMPTS = "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS";
    public static final String RECONCILE_LEASE_SECONDS = "BAKONGPAY_RECONCILE_LEASE_SECONDS";
    public static final String RECONCILE_MAX_BATCHES = "BAKONGPAY_RECONCILE_MAX_BATCHES";
    public static final String BAKONG_TIMEOUT = "BAKONGPAY_BAKONG_TIMEOUT";
    public static final String BAKONG_DEADLINE = "BAKONGPAY_BAKONG_DEADLINE";

    /** NBC's production Open API. */
    public static final String NBC_URL = "https://api-bakong.nbc.gov.kh";

    private Names() {}
}
