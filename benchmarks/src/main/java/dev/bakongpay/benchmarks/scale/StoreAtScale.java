package dev.bakongpay.benchmarks.scale;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.core.payment.internal.RandomIds;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProviders;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.UpstreamPayment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Fills a transaction store to a size (default 1,000,000 rows) through the adapter's public
 * insert path, opened the way the server opens it, then reports its size on disk and the latency
 * of md5 lookups (present and absent) and of the reconciler's periodic queries at that size.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bakongpay.benchmarks.scale.StoreAtScale \
 *     --store h2 --data-dir /tmp/scale/h2 --rows 1000000 --md5-out /tmp/scale/md5s.txt</pre>
 *
 * Rows look like the ones a create makes (KHQR strings and md5s from the codec, time-ordered ids)
 * and then what became of them: over 30 days of history most are SUCCESS (with the upstream
 * payment) or EXPIRED (with the lease a reconciler leaves), a few FAILED, and the last minutes
 * hold PENDING ones. The fill resumes: rows already in the store count towards {@code --rows}.
 */
public final class StoreAtScale {
    static final String TABLE = "bakongpay_transaction";
    private static final Duration HISTORY = Duration.ofDays(30);
    private static final Duration RECENT = Duration.ofMinutes(10);
    private static final Duration TTL = Duration.ofMinutes(10);
    /** The share of rows (from the end) created in the last {@link #RECENT}; half of them still PENDING. */
    private static final int RECENT_ONE_IN = 500;

    private StoreAtScale() {}

    /** Command-line settings. */
    record Options(
            String store,
            Path dataDir,
            String pgUrl,
            String schema,
            long rows,
            int threads,
            String apiKey,
            int lookups,
            Path md5Out,
            boolean fillOnly,
            boolean compactOnly) {

        static final String USAGE = """
          usage: StoreAtScale --store h2|postgres [options]
            --data-dir DIR     H2: where bakongpay.mv.db lives, as BAKONGPAY_DATA_DIR (default /tmp/scale/h2)
            --pg-url URL       PostgreSQL JDBC URL without schema (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
            --schema NAME      PostgreSQL schema, created if absent (default bakongpay_scale)
            --rows N           rows the store should hold when the fill stops (default 1000000)
            --threads N        concurrent inserting threads, so group commit batches (default 32)
            --key KEY          API key whose merchant owns 80 % of the rows (default run-load.sh's key)
            --lookups N        measured findByMd5 calls per kind, present and absent (default 10000)
            --md5-out FILE     write md5s of final rows of --key's merchant, one a line (for LoadTest --md5-file)
            --fill-only        fill, then skip the measurements
            --compact-only     H2: only SHUTDOWN COMPACT the file and print its size before and after
          """;

        static Options parse(String... args) {
            String store = null;
            Path dataDir = Path.of("/tmp/scale/h2");
            String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            String schema = "bakongpay_scale";
            long rows = 1_000_000;
            int threads = 32;
            String key = "bk_test_load0000000000000000000000000000000000";
            int lookups = 10_000;
            Path md5Out = null;
            boolean fillOnly = false;
            boolean compactOnly = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--fill-only") || flag.equals("--compact-only")) {
                    fillOnly |= flag.equals("--fill-only");
                    compactOnly |= flag.equals("--compact-only");
                    continue;
                }
                if (flag.equals("--help") || i + 1 >= args.length) throw new IllegalArgumentException(USAGE);
                String value = args[++i];
                switch (flag) {
                    case "--store" -> store = value;
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--pg-url" -> pgUrl = value;
                    case "--schema" -> schema = value;
                    case "--rows" -> rows = number(flag, value, 100_000_000);
                    case "--threads" -> threads = (int) number(flag, value, 1024);
                    case "--key" -> key = value;
                    case "--lookups" -> lookups = (int) number(flag, value, 10_000_000);
                    case "--md5-out" -> md5Out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
                }
            }
            if (!"h2".equals(store) && !"postgres".equals(store)) {
                throw new IllegalArgumentException("--store must be h2 or postgres\n" + USAGE);
            }
            if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("--schema must be a plain lower-case identifier, not " + schema);
            }
            if (compactOnly && !store.equals("h2")) {
                throw new IllegalArgumentException("--compact-only is for --store h2");
            }
            return new Options(
                    store, dataDir, pgUrl, schema, rows, threads, key, lookups, md5Out, fillOnly, compactOnly);
        }

        private static long number(String flag, String value, long max) {
            try {
                long n = Long.parseLong(value.replace("_", ""));
                if (n >= 1 && n <= max) return n;
            } catch (NumberFormatException e) {
                // worded below
            }
            throw new IllegalArgumentException(flag + " must be a number from 1 to " + max + ", was " + value);
        }

        /** The store URL the server would be given (H2: the server's own default URL for this data dir). */
        String url() {
            if (store.equals("h2")) {
                return "jdbc:h2:file:" + dataDir.resolve("bakongpay").toString().replace('\\', '/')
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=4096";
            }
            return pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options);
    }

    static void run(Options o) throws Exception {
        if (o.compactOnly()) {
            compactH2(o);
            return;
        }
        if (o.store().equals("postgres")) {
            try (Connection c = DriverManager.getConnection(o.pgUrl());
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + o.schema());
            }
        } else {
            Files.createDirectories(o.dataDir());
        }
        String merchant = merchantOf(o.apiKey());
        // as the server opens its store: the jdbc adapter by URL, pool of 10, group commit on (its defaults)
        Storage storage = StorageProviders.openStorage(
                "jdbc",
                new ProviderSettings(o.url(), Map.of("poolSize", "10", "groupCommit", "true"), Clock.systemUTC()));
        try (storage;
                Connection sql = DriverManager.getConnection(o.url())) {
            TransactionStore store = storage.transactions();
            long present = count(sql);
            System.err.printf(
                    Locale.ROOT, "store: %s, %,d rows already there, filling to %,d%n", o.url(), present, o.rows());
            if (present < o.rows()) {
                fill(store, merchant, present, o.rows(), o.threads());
                int leased = leaseExpired(sql);
                System.err.printf(Locale.ROOT, "fill: gave %,d EXPIRED rows the lease a reconciler leaves%n", leased);
            }
            long rows = count(sql);
            System.out.printf(Locale.ROOT, "rows: %,d (%s)%n", rows, statusCounts(sql));
            System.out.printf(Locale.ROOT, "store size, open: %s%n", size(o, sql));
            if (!o.fillOnly()) {
                List<String> md5s = sampleMd5s(sql, merchant, Math.max(o.lookups(), 1000));
                if (o.md5Out() != null) {
                    Files.write(o.md5Out(), md5s, StandardCharsets.US_ASCII);
                    System.err.printf(Locale.ROOT, "wrote %,d md5s of final rows to %s%n", md5s.size(), o.md5Out());
                }
                measureLookups(store, merchant, md5s, o.lookups());
                measureReconcilerQueries(store);
            }
        }
        if (o.store().equals("h2")) {
            // H2 compacts a little at close: the file the server will open
            System.out.printf(Locale.ROOT, "store size, closed: %s%n", mb(Files.size(h2File(o))));
        }
    }

    /** How much of an H2 file is live data: the size after H2 rewrites it with only the live pages. */
    private static void compactH2(Options o) throws SQLException, IOException {
        long before = Files.size(h2File(o));
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(o.url());
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        System.out.printf(
                Locale.ROOT,
                "H2 SHUTDOWN COMPACT: %s -> %s in %.1f s%n",
                mb(before),
                mb(Files.size(h2File(o))),
                (System.nanoTime() - start) / 1e9);
    }

    /** The merchant id the server gives a key from BAKONGPAY_API_KEYS (SeedKey.merchantId). */
    static String merchantOf(String apiKey) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "merchant-" + HexFormat.of().formatHex(sha).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void fill(TransactionStore store, String merchant, long from, long to, int threads)
            throws Exception {
        Instant end = Instant.now();
        RowMaker maker = new RowMaker(merchant, end, to);
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        Transaction row = maker.apply(i);
                        // a duplicate md5 is a codec collision on a repeated amount and minute: make another
                        while (store.insert(row) != InsertOutcome.INSERTED) {
                            duplicates.incrementAndGet();
                            row = maker.apply(i);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            long total = to - from;
            long lastDone = 0;
            long lastAt = start;
            while (!futures.stream().allMatch(Future::isDone)) {
                Thread.sleep(5_000);
                long now = System.nanoTime();
                long d = done.get();
                System.err.printf(
                        Locale.ROOT,
                        "fill: %,d of %,d (%.0f %%), %,.0f rows/s now, %,.0f rows/s overall%n",
                        d,
                        total,
                        100.0 * d / total,
                        (d - lastDone) * 1e9 / (now - lastAt),
                        d * 1e9 / (now - start));
                lastDone = d;
                lastAt = now;
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "fill: %,d rows in %.1f s = %,.0f rows/s with %d threads (%d md5 collisions retried)%n",
                done.get(),
                seconds,
                done.get() / seconds,
                threads,
                duplicates.get());
    }

    /**
     * Row {@code i} of {@code total}: created at its place in 30 days of history (the last 1/500
     * in the last 10 minutes before the fill started), with the status it would have by now.
     */
    static final class RowMaker implements LongFunction<Transaction> {
        private static final String[] OTHER_MERCHANTS = new String[49];

        static {
            for (int m = 0; m < OTHER_MERCHANTS.length; m++) OTHER_MERCHANTS[m] = "merchant-other" + m;
        }

        private final String merchant;
        private final Instant end;
        private final long total;
        private final long recentFrom;

        RowMaker(String merchant, Instant end, long total) {
            this.merchant = merchant;
            this.end = end;
            this.total = total;
            this.recentFrom = total - Math.max(1, total / RECENT_ONE_IN);
        }

        @Override
        public Transaction apply(long i) {
            SplittableRandom random =
                    new SplittableRandom(ThreadLocalRandom.current().nextLong());
            boolean recent = i >= recentFrom;
            Instant created = recent
                    ? end.minus(RECENT).plusMillis((i - recentFrom) * RECENT.toMillis() / (total - recentFrom))
                    : end.minus(HISTORY).plusMillis(i * HISTORY.minus(RECENT).toMillis() / recentFrom);
            created = created.plusNanos(random.nextInt(1_000) * 1_000L); // microseconds, as stored
            Instant expires = created.plus(TTL);
            boolean usd = random.nextInt(10) < 7;
            BigDecimal amount = usd
                    ? BigDecimal.valueOf(50 + random.nextInt(20_000), 2) // 0.50 to 200.49 USD
                    : BigDecimal.valueOf(1_000L * (1 + random.nextInt(500))); // 1,000 to 500,000 KHR
            String currency = usd ? "USD" : "KHR";
            boolean ours = random.nextInt(10) < 8;
            String merchantId = ours ? merchant : OTHER_MERCHANTS[random.nextInt(OTHER_MERCHANTS.length)];
            String bakongId = ours ? "loadshop@devb" : "shop" + merchantId.substring(14) + "@aclb";
            String name = ours ? "Load Shop" : "Shop " + merchantId.substring(14);
            String description = random.nextInt(10) < 8 ? "Order #" + i : null;
            KhqrPayload.Builder payload = KhqrPayload.individual(bakongId)
                    .merchantName(name)
                    .currency(usd ? KhqrCurrency.USD : KhqrCurrency.KHR)
                    .amount(amount)
                    .createdAt(created)
                    .expiresAt(expires);
            if (description != null) payload.billNumber("INV-" + i);
            KhqrResult qr = Khqr.encode(payload.build(), Clock.fixed(created, ZoneOffset.UTC));
            Transaction.Builder row = Transaction.builder()
                    .id(RandomIds.timeOrdered(created.toEpochMilli()))
                    .merchantId(merchantId)
                    .mode(PaymentMode.TEST)
                    .md5(qr.md5())
                    .qrString(qr.qr())
                    .amount(amount)
                    .currency(currency)
                    .bakongId(bakongId)
                    .merchantName(name)
                    .description(description)
                    .createdAt(created)
                    .expiresAt(expires)
                    .attributes(random.nextInt(4) == 0 ? Map.of("terminalLabel", "T" + random.nextInt(20)) : Map.of());
            int pick = random.nextInt(1000);
            if (recent && pick < 500) return row.build(); // PENDING: not paid yet, not expired yet
            if (pick < 645 || recent) {
                Instant paidAt = created.plusSeconds(5 + random.nextInt(300));
                return row.status(PaymentStatus.SUCCESS)
                        .payment(payment(random, bakongId, amount, currency, paidAt))
                        .updatedAt(paidAt)
                        .build();
            }
            if (pick < 650) { // paid the wrong amount
                Instant paidAt = created.plusSeconds(5 + random.nextInt(300));
                BigDecimal paid = amount.divide(BigDecimal.TEN).setScale(amount.scale(), java.math.RoundingMode.DOWN);
                if (paid.signum() == 0) paid = BigDecimal.ONE.setScale(amount.scale());
                return row.status(PaymentStatus.FAILED)
                        .payment(payment(random, bakongId, paid, currency, paidAt))
                        .statusReason("amount_mismatch: paid " + paid.toPlainString() + " " + currency)
                        .updatedAt(paidAt)
                        .build();
            }
            return row.status(PaymentStatus.EXPIRED)
                    .updatedAt(expires.plusSeconds(random.nextInt(60)))
                    .build();
        }

        private static UpstreamPayment payment(
                SplittableRandom random, String to, BigDecimal amount, String currency, Instant at) {
            byte[] hash = new byte[32];
            for (int b = 0; b < hash.length; b += 8) {
                long v = random.nextLong();
                for (int k = 0; k < 8; k++) hash[b + k] = (byte) (v >>> (8 * k));
            }
            return new UpstreamPayment(
                    HexFormat.of().formatHex(hash),
                    "payer" + random.nextInt(100_000) + "@abaa",
                    to,
                    amount,
                    currency,
                    at,
                    "100FT" + Long.toUnsignedString(random.nextLong(), 36),
                    null);
        }
    }

    /**
     * A reconciler leases every PENDING row it looks at and looks at EXPIRED ones again, so in a
     * store that has run a while nearly every EXPIRED row carries a finished lease; inserts cannot
     * write one, so it is set here in one UPDATE.
     */
    private static int leaseExpired(Connection sql) throws SQLException {
        try (Statement s = sql.createStatement()) {
            return s.executeUpdate("UPDATE " + TABLE + " SET claim_owner = 'node-1', claim_until = updated_at"
                    + " WHERE status = 'EXPIRED' AND claim_until IS NULL");
        }
    }

    static long count(Connection sql) throws SQLException {
        try (Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String statusCounts(Connection sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = sql.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT status, COUNT(*) FROM " + TABLE + " GROUP BY status ORDER BY status")) {
            while (rs.next()) {
                if (out.length() > 0) out.append(", ");
                out.append(String.format(Locale.ROOT, "%s %,d", rs.getString(1), rs.getLong(2)));
            }
        }
        return out.toString();
    }

    private static Path h2File(Options o) {
        return o.dataDir().resolve("bakongpay.mv.db");
    }

    private static String size(Options o, Connection sql) throws SQLException, IOException {
        if (o.store().equals("h2")) return mb(Files.size(h2File(o))) + " (" + h2File(o) + ")";
        StringBuilder out = new StringBuilder();
        // every table of the schema with its indexes and TOAST
        try (PreparedStatement ps = sql.prepareStatement("SELECT c.relname, pg_total_relation_size(c.oid),"
                + " pg_indexes_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 2 DESC")) {
            ps.setString(1, o.schema());
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(2);
                    if (rs.getString(1).equals(TABLE)) {
                        out.append(String.format(
                                Locale.ROOT,
                                "; %s %s of which indexes %s",
                                TABLE,
                                mb(rs.getLong(2)),
                                mb(rs.getLong(3))));
                    }
                }
            }
            return mb(total) + " (schema " + o.schema() + ", tables with indexes and TOAST" + out + ")";
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Random md5s of final rows of {@code merchant}: what a shop polling old payments would ask about. */
    private static List<String> sampleMd5s(Connection sql, String merchant, int n) throws SQLException {
        List<String> out = new ArrayList<>(n);
        try (PreparedStatement ps = sql.prepareStatement("SELECT md5 FROM " + TABLE
                + " WHERE merchant_id = ? AND status IN ('SUCCESS', 'FAILED', 'EXPIRED') ORDER BY RANDOM()"
                + " FETCH FIRST " + n + " ROWS ONLY")) {
            ps.setString(1, merchant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** findByMd5 (the store read of a check) of present and absent md5s, one thread, after a warm-up. */
    private static void measureLookups(TransactionStore store, String merchant, List<String> md5s, int lookups) {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < Math.min(2_000, lookups); i++) { // warm-up: JIT and pool, not recorded
            store.findByMd5(merchant, md5s.get(random.nextInt(md5s.size())));
            store.findByMd5(merchant, absentMd5(random));
        }
        Histogram found = new Histogram(3);
        Histogram absent = new Histogram(3);
        int misses = 0;
        for (int i = 0; i < lookups; i++) {
            String md5 = md5s.get(random.nextInt(md5s.size()));
            long t0 = System.nanoTime();
            boolean hit = store.findByMd5(merchant, md5).isPresent();
            long t1 = System.nanoTime();
            boolean none = store.findByMd5(merchant, absentMd5(random)).isEmpty();
            long t2 = System.nanoTime();
            if (!hit || !none) misses++;
            found.recordValue(t1 - t0);
            absent.recordValue(t2 - t1);
        }
        System.out.println(latency("findByMd5, present", found, lookups));
        System.out.println(latency("findByMd5, absent ", absent, lookups));
        if (misses > 0) System.out.println("findByMd5: " + misses + " unexpected answers");
    }

    private static String absentMd5(SplittableRandom random) {
        return String.format(Locale.ROOT, "%016x%016x", random.nextLong(), random.nextLong());
    }

    /**
     * The reconciler's two periodic reads at this size: a claim of a batch (every tick) and the
     * backlog gauge (every scrape, at most every 5 s). The claim leases what it finds for a
     * second, as a reconciler's would for a minute.
     */
    private static void measureReconcilerQueries(TransactionStore store) {
        Histogram claims = new Histogram(3);
        Histogram backlog = new Histogram(3);
        int claimed = 0;
        for (int i = 0; i < 11; i++) {
            long t0 = System.nanoTime();
            claimed += store.claimForReconciliation(PaymentReconciler.claim("scale-probe", Duration.ofSeconds(1)))
                    .size();
            long t1 = System.nanoTime();
            store.reconciliationBacklog(Instant.now());
            long t2 = System.nanoTime();
            if (i > 0) { // the first is the warm-up
                claims.recordValue(t1 - t0);
                backlog.recordValue(t2 - t1);
            }
        }
        System.out.println(
                latency("claimForReconciliation (batch of 50)", claims, 10) + ", " + claimed + " rows leased in all");
        System.out.println(latency("reconciliationBacklog", backlog, 10));
    }

    private static String latency(String what, Histogram h, int n) {
        return String.format(
                Locale.ROOT,
                "%s: %,d calls, p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                what,
                n,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }
}
