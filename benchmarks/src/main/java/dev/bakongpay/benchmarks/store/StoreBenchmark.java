package dev.bakongpay.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.adapters.jdbc.JdbcStorage;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Transaction store throughput per adapter: insert, and find by md5 among 10,000 rows. PostgreSQL
 * at 127.0.0.1:5432 db {@code test} (or {@code BAKONGPAY_TEST_PG_URL}), in a schema of its own
 * that is dropped afterwards.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StoreBenchmark -p adapter=memory,h2-file</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(2)
public class StoreBenchmark {
    @Param({"memory", "h2-mem", "h2-file", "postgresql"})
    public String adapter;

    private TransactionStore store;
    private HikariDataSource pool;
    private String schema;
    private String[] md5s;
    private final String merchant = "bench";

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        switch (adapter) {
            case "memory" -> store = MemoryStorageProvider.create(clock).transactions();
            case "h2-mem" -> store = jdbc("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", null, clock);
            case "h2-file" -> store = jdbc("jdbc:h2:file:" + Files.createTempDirectory("bpbench") + "/db", null, clock);
            default -> {
                schema = "bp_bench_" + System.nanoTime();
                try (Connection c = DriverManager.getConnection(pgUrl())) {
                    c.createStatement().execute("CREATE SCHEMA " + schema);
                }
                store = jdbc(pgUrl(), schema, clock);
            }
        }
        md5s = new String[10_000];
        for (int i = 0; i < md5s.length; i++) {
            Transaction t = pending(merchant, clock);
            store.insert(t);
            md5s[i] = t.md5();
        }
    }

    private static String pgUrl() {
        String url = System.getenv("BAKONGPAY_TEST_PG_URL");
        return url == null ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" : url;
    }

    private TransactionStore jdbc(String url, String schema, Clock clock) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (schema != null) c.setSchema(schema);
        c.setMaximumPoolSize(4);
        pool = new HikariDataSource(c);
        return JdbcStorage.builder(pool).clock(clock).build().transactions();
    }

    @TearDown
    public void tearDown() throws Exception {
        if (pool != null) pool.close();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl())) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Benchmark
    public Object insert() {
        return store.insert(pending(merchant, Clock.systemUTC()));
    }

    @Benchmark
    public Object findByMd5() {
        return store.findByMd5(merchant, md5s[ThreadLocalRandom.current().nextInt(md5s.length)]);
    }

    /** A PENDING transaction like the API creates: fresh id and md5, 10 minutes to live. */
    static Transaction pending(String merchantId, Clock clock) {
        byte[] md5 = new byte[16];
        ThreadLocalRandom.current().nextBytes(md5);
        String hex = HexFormat.of().formatHex(md5);
        return Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId(merchantId)
                .mode(PaymentMode.TEST)
                .md5(hex)
                .qrString("00020101021229180014shop@aclb5204599953038405405" + hex.substring(0, 8) + "6304ABCD")
                .amount(new BigDecimal("25.00"))
                .currency("USD")
                .bakongId("shop@aclb")
                .merchantName("Coffee Shop")
                .description("Order #42")
                .createdAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofMinutes(10)))
                .build();
    }
}
