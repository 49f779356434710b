package dev.bakongpay.benchmarks.load;

import java.util.Locale;

/** What the workers drive. Each scenario is a fixed cycle of {@link Operation}s. */
public enum Scenario {
    CREATE(Operation.CREATE),
    CHECK(Operation.CHECK_MD5),
    BULK(Operation.CHECK_BULK),
    /**
     * One fixed body POSTed to one path ({@code --path}, {@code --raw-body}) with the headers every
     * other scenario sends: the same client on any HTTP server, e.g. the bare-Jetty baseline that
     * the server's rates are divided by.
     */
    RAW(Operation.RAW),
    /**
     * A shop-like blend: per ten requests one create, one bulk check and eight single checks, since
     * shoppers poll a QR many times for each one made and reconciliation runs in batches.
     */
    MIXED(
            Operation.CREATE,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5,
            Operation.CHECK_BULK,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5,
            Operation.CHECK_MD5);

    private final Operation[] cycle;

    Scenario(Operation... cycle) {
        this.cycle = cycle;
    }

    /** The operation a worker sends as its {@code n}-th request. */
    Operation operation(long n) {
        return cycle[(int) (n % cycle.length)];
    }

    /** Whether a pool of existing transactions must be created before the run. */
    boolean needsPool() {
        return this != CREATE && this != RAW;
    }

    static Scenario parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scenario must be create, check, bulk, mixed or raw, not " + value);
        }
    }

    /** One kind of API call, reported in its own row. */
    public enum Operation {
        CREATE("create", "/api/v1/khqr/create"),
        CHECK_MD5("check-md5", "/api/v1/check/md5"),
        CHECK_BULK("check-bulk", "/api/v1/check/bulk"),
        /** The path is the run's {@code --path}. */
        RAW("raw", null);

        final String label;
        final String path;

        Operation(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }
    }
}
