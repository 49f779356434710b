package dev.bakongpay.server.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.adapters.jdbc.JdbcStorage;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Storage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Payments into an embedded H2 file the way the server writes them (its URL options, the JDBC
 * adapter, group commit, idempotency keys), with or without the file's housekeeping. Also a
 * program: {@code H2PaymentWriter <file> <count>} prints the md5 of each create once it returned
 * (that is, once it was committed), for a parent process that kills it mid-way.
 */
final class H2PaymentWriter implements AutoCloseable {
    private static final Merchant SHOP = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);

    private final String url;
    private final HikariDataSource pool;
    private final Storage storage;
    private final PaymentService payments;
    private final H2FileHousekeeping housekeeping;

    /** {@code housekeeping} null: none. */
    H2PaymentWriter(java.nio.file.Path file, H2FileHousekeeping.Policy housekeeping) {
        url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        // a pool as the server has: with no connection open, H2 would close (and compact) the database
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        storage = JdbcStorage.builder(pool).build();
        payments = PaymentService.builder()
                .transactions(storage.transactions())
                .idempotency(storage.idempotency())
                .build();
        this.housekeeping = housekeeping == null ? null : H2FileHousekeeping.start(url, "", "", housekeeping);
        if (housekeeping != null && this.housekeeping == null) throw new IllegalStateException("no housekeeping");
    }

    String url() {
        return url;
    }

    Optional<H2FileHousekeeping> housekeeping() {
        return Optional.ofNullable(housekeeping);
    }

    CreatedPayment create(int i) {
        return payments.create(
                SHOP,
                CreatePaymentRequest.of(
                        new BigDecimal("1.00").add(BigDecimal.valueOf(i % 1000, 2)), "USD", "KIOSK", "kiosk@aclb"),
                "order-" + i);
    }

    Storage storage() {
        return storage;
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.close();
        storage.close();
        pool.close();
    }

    /** Never returns normally before {@code count} creates: the parent kills it first. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        // compact as often as it can: the kill is to land inside a compaction step
        H2FileHousekeeping.Policy eager = new H2FileHousekeeping.Policy(Duration.ofMillis(5), 0, 101);
        try (H2PaymentWriter writer = new H2PaymentWriter(java.nio.file.Path.of(args[0]), eager)) {
            int from = Integer.parseInt(args[1]);
            int count = Integer.parseInt(args[2]);
            for (int i = from; i < from + count; i++) {
                out.println(writer.create(i).md5());
            }
        }
    }
}
