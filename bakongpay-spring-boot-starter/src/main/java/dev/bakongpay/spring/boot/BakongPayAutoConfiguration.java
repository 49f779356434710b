package dev.bakongpay.spring.boot;

import dev.bakongpay.adapters.jdbc.JdbcStorage;
import dev.bakongpay.adapters.redis.RedisRateLimiter;
import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.checkout.StoreCheckoutSource;
import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.jaxrs.ApiKeys;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * BakongPay's payment services in a Spring application: the store (JDBC over the application's
 * {@link DataSource}, in memory without one), the rate limiter (Redis when {@code bakongpay.redis-url}
 * is set, in memory otherwise), the {@link PaymentService} with one Bakong network per key mode,
 * and the {@link BakongPayRuntime} the endpoints run on. Each bean backs off when the application
 * defines its own. Payment events reach {@code @EventListener} methods and
 * {@link PaymentEventListener} beans ({@link SpringPaymentEvents}).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "bakongpay.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BakongPayProperties.class)
public class BakongPayAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(BakongPayAutoConfiguration.class);
    private static final Clock CLOCK = Clock.systemUTC();

    /** JDBC over the application's only (or primary) DataSource, migrated; in memory when it has none. */
    @Bean
    @ConditionalOnMissingBean
    public Storage bakongPayStorage(ObjectProvider<DataSource> dataSource, BakongPayProperties properties) {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            LOG.info("BakongPay store: adapter=memory (no DataSource in the application: payments are lost on"
                    + " restart and not shared between nodes)");
            return MemoryStorageProvider.create(CLOCK);
        }
        Storage storage = JdbcStorage.builder(ds)
                .clock(CLOCK)
                .migrate(properties.jdbc().migrate())
                .build();
        LOG.info(
                "BakongPay store: adapter=jdbc on the application's DataSource (migrate={})",
                properties.jdbc().migrate());
        return storage;
    }

    /** Redis when {@code bakongpay.redis-url} is set (limits shared by every node), else in memory per node. */
    @Bean
    @ConditionalOnMissingBean
    public RateLimiter bakongPayRateLimiter(BakongPayProperties properties) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            LOG.info("BakongPay limiter: adapter=memory (limits are per node; set bakongpay.redis-url to share them)");
            return new MemoryRateLimiter(CLOCK);
        }
        LOG.info("BakongPay limiter: adapter=redis");
        return RedisRateLimiter.builder(url).clock(CLOCK).build();
    }

    @Bean
    @ConditionalOnMissingBean
    public QrImageService bakongPayQrImages() {
        return new QrImageService(CLOCK);
    }

    /** The payment rules: bk_live_ keys checked with NBC (when a token is set), bk_test_ ones with the simulator. */
    @Bean
    @ConditionalOnMissingBean
    public PaymentService bakongPayPaymentService(
            Storage storage,
            BakongPayProperties properties,
            ApplicationEventPublisher publisher,
            ObjectProvider<PaymentEventListener> listeners) {
        PaymentService.Builder builder = PaymentService.builder()
                .transactions(storage.transactions())
                .idempotency(storage.idempotency())
                .clock(CLOCK)
                .listener(new SpringPaymentEvents(publisher, listeners))
                .settings(new PaymentSettings(
                        properties.defaultExpiry(),
                        BakongPayConfig.MIN_EXPIRY,
                        properties.maxExpiry(),
                        properties.publicUrl(),
                        Duration.ofSeconds(2)));
        BakongPayProperties.Bakong nbc = properties.bakong();
        if (nbc.token() != null && !nbc.token().isBlank()) {
            builder.network(
                    PaymentMode.LIVE,
                    new BakongPaymentNetwork(client(nbc.url().toString(), nbc.token(), nbc.email()), "NBC Bakong"));
        } else {
            LOG.warn(
                    "BakongPay upstream LIVE: bakongpay.bakong.token is not set, so bk_live_ payments cannot be checked");
        }
        BakongPayProperties.Simulator simulator = properties.simulator();
        if (simulator.url() != null) {
            builder.network(
                    PaymentMode.TEST,
                    new BakongPaymentNetwork(
                            client(simulator.url().toString(), simulator.token(), null), "Bakong simulator"));
            LOG.info("BakongPay upstream TEST: Bakong simulator at {}", simulator.url());
        }
        return builder.build();
    }

    private static BakongClient client(String url, String token, String email) {
        return BakongClient.create(BakongClientConfig.builder(url, token)
                .renewalEmail(email)
                .clock(CLOCK)
                .pendingCacheTtl(Duration.ofSeconds(2))
                .build());
    }

    /** What the endpoints run on; the configured API keys are seeded (hashed) into the key store here. */
    @Bean
    @ConditionalOnMissingBean
    public BakongPayRuntime bakongPayRuntime(
            PaymentService payments,
            QrImageService qrImages,
            Storage storage,
            RateLimiter rateLimiter,
            BakongPayProperties properties) {
        ApiKeys.seed(storage.apiKeys(), properties.apiKeys(), CLOCK.instant());
        return BakongPayRuntime.builder()
                .payments(payments)
                .qrImages(qrImages)
                .apiKeys(storage.apiKeys())
                .rateLimiter(rateLimiter)
                .clock(CLOCK)
                .build();
    }

    /** Settles payments nobody checks, every {@code bakongpay.reconcile-every} (0 turns it off). */
    @Bean
    @ConditionalOnMissingBean
    public PaymentReconciliation bakongPayReconciliation(
            Storage storage, PaymentService payments, BakongPayProperties properties) {
        Duration every = properties.reconcileEvery();
        LOG.info(
                "BakongPay reconciliation: {}",
                every.isZero()
                        ? "off (bakongpay.reconcile-every=0): payments are settled when checked"
                        : "every " + every);
        return new PaymentReconciliation(storage.transactions(), payments, properties.reconcileEvery());
    }

    /** With Actuator: the {@code bakongpay} component of {@code /actuator/health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class ActuatorHealth {
        @Bean
        @ConditionalOnMissingBean(name = "bakongPayHealthIndicator")
        BakongPayHealthIndicator bakongPayHealthIndicator(Storage storage, RateLimiter rateLimiter) {
            return new BakongPayHealthIndicator(new BakongPayHealth(storage, rateLimiter));
        }
    }

    /** The checkout page's data: the store, with a PENDING payment checked upstream when the page asks. */
    @Bean
    @ConditionalOnMissingBean
    public CheckoutSource bakongPayCheckoutSource(Storage storage, PaymentService payments) {
        return new StoreCheckoutSource(
                storage.transactions(),
                CLOCK,
                t -> payments.reconcile(List.of(t)).get(0));
    }
}
