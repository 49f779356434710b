package dev.bakongpay.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.adapters.jdbc.JdbcStorage;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * {@code PaymentService.checkMd5} of paid (SUCCESS) transactions among 1,000 on the embedded H2
 * file store, with the final-status cache off (every check reads the store) and on (the default).
 * What the check endpoint costs below HTTP, without metrics and with a recording registry.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PaymentCheckBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(2)
public class PaymentCheckBenchmark {
    @Param({"0", "10000"})
    public int finalStatusCacheSize;
    /** {@code none}: the builder's default, records nothing; {@code simple}: a recording registry (timers, cache stats). */
    @Param({"none", "simple"})
    public String meters;

    private HikariDataSource pool;
    private PaymentService payments;
    private final Merchant merchant = new Merchant("bench", Plan.ENTERPRISE, PaymentMode.TEST);
    private String[] md5s;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:h2:file:" + Files.createTempDirectory("bpbench") + "/db");
        c.setMaximumPoolSize(4);
        pool = new HikariDataSource(c);
        Storage storage = JdbcStorage.builder(pool).clock(clock).build();
        payments = PaymentService.builder()
                .transactions(storage.transactions())
                .idempotency(storage.idempotency())
                .clock(clock)
                .finalStatusCacheSize(finalStatusCacheSize)
                .meterRegistry(
                        "simple".equals(meters)
                                ? new io.micrometer.core.instrument.simple.SimpleMeterRegistry()
                                : dev.bakongpay.core.metrics.Meters.none())
                .build();
        md5s = new String[1000];
        for (int i = 0; i < md5s.length; i++) {
            Transaction t = StoreBenchmark.pending(merchant.id(), clock);
            storage.transactions().insert(t);
            UpstreamPayment paid = new UpstreamPayment(
                    HexFormat.of().formatHex(new byte[32]).replace('0', 'a'),
                    "payer@abaa",
                    "shop@aclb",
                    new BigDecimal("25.00"),
                    "USD",
                    clock.instant(),
                    "100FT0000000001",
                    "INS-1");
            storage.transactions()
                    .transition(StatusTransition.paid(t.id(), PaymentStatus.PENDING, paid, false, clock.instant()));
            md5s[i] = t.md5();
        }
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public Object checkPaid() {
        return payments.checkMd5(merchant, md5s[ThreadLocalRandom.current().nextInt(md5s.length)]);
    }
}
