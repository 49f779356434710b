package dev.bakongpay.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.adapters.redis.RedisRateLimiter;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.jaxrs.ApiKeys;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class BakongPayAutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BakongPayAutoConfiguration.class));

    @Nested
    @DisplayName("the store")
    class Store {
        @Test
        @DisplayName("is in memory when the application has no DataSource")
        void memoryWithoutDataSource() {
            runner.run(context ->
                    assertThat(context.getBean(Storage.class).adapterId()).isEqualTo("memory"));
        }

        @Test
        @DisplayName("is JDBC on the application's DataSource, with BakongPay's tables migrated")
        void jdbcOnTheDataSource() {
            runner.withUserConfiguration(H2.class).run(context -> {
                assertThat(context.getBean(Storage.class).adapterId()).isEqualTo("jdbc");
                assertThat(tables(context.getBean(DataSource.class)))
                        .contains("bakongpay_schema_history", "bakongpay_transaction", "bakongpay_api_key");
            });
        }

        @Test
        @DisplayName("leaves the schema alone with bakongpay.jdbc.migrate=false")
        void noMigration() {
            runner.withUserConfiguration(H2.class)
                    .withPropertyValues("bakongpay.jdbc.migrate=false")
                    .run(context -> assertThat(tables(context.getBean(DataSource.class)))
                            .doesNotContain("bakongpay_schema_history", "bakongpay_transaction"));
        }

        private static java.util.List<String> tables(DataSource ds) throws java.sql.SQLException {
            java.util.List<String> names = new java.util.ArrayList<>();
            try (var c = ds.getConnection();
                    var rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    @Nested
    @DisplayName("the rate limiter")
    class Limiter {
        @Test
        @DisplayName("is in memory without bakongpay.redis-url")
        void memoryByDefault() {
            runner.run(context -> assertThat(context.getBean(RateLimiter.class)).isInstanceOf(MemoryRateLimiter.class));
        }

        @Test
        @RequiresService(Service.REDIS)
        @DisplayName("is Redis when bakongpay.redis-url is set")
        void redisWhenConfigured() {
            runner.withPropertyValues("bakongpay.redis-url=" + Services.redisUrl())
                    .run(context ->
                            assertThat(context.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class));
        }
    }

    @Nested
    @DisplayName("properties")
    class Properties {
        @Test
        @DisplayName("bind every bakongpay.* setting")
        void bind() {
            runner.withPropertyValues(
                            "bakongpay.public-url=https://shop.example",
                            "bakongpay.api-keys.bk_test_shop0001=PRO",
                            "bakongpay.bakong.token=nbc-token",
                            "bakongpay.simulator.url=http://127.0.0.1:9090",
                            "bakongpay.simulator.token=sim",
                            "bakongpay.default-expiry=10m",
                            "bakongpay.max-expiry=2h",
                            "bakongpay.paths.api=/payments/v1/",
                            "bakongpay.paths.checkout=/shop/pay",
                            "bakongpay.paths.health=/status/bakongpay")
                    .run(context -> {
                        BakongPayProperties p = context.getBean(BakongPayProperties.class);
                        assertThat(p.publicUrl()).isEqualTo(URI.create("https://shop.example"));
                        assertThat(p.apiKeys()).containsExactly(Map.entry("bk_test_shop0001", Plan.PRO));
                        assertThat(p.bakong().token()).isEqualTo("nbc-token");
                        assertThat(p.bakong().url()).isEqualTo(URI.create("https://api-bakong.nbc.gov.kh"));
                        assertThat(p.simulator().url()).isEqualTo(URI.create("http://127.0.0.1:9090"));
                        assertThat(p.defaultExpiry()).isEqualTo(Duration.ofMinutes(10));
                        assertThat(p.maxExpiry()).isEqualTo(Duration.ofHours(2));
                        assertThat(p.paths().api()).isEqualTo("/payments/v1");
                        assertThat(p.paths().checkout()).isEqualTo("/shop/pay");
                        assertThat(p.paths().health()).isEqualTo("/status/bakongpay");
                        // the configured key is stored, hashed, with its plan
                        assertThat(context.getBean(BakongPayRuntime.class)
                                        .apiKeys()
                                        .findByHash(ApiKeys.hash("bk_test_shop0001")))
                                .hasValueSatisfying(k -> assertThat(k.plan()).isEqualTo(Plan.PRO));
                    });
        }

        @Test
        @DisplayName("refuse a checkout path that checkout links cannot reach, naming the property")
        void badCheckoutPath() {
            runner.withPropertyValues("bakongpay.paths.checkout=/checkout")
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "bakongpay.paths.checkout was '/checkout' but it must end with /pay"));
        }

        @Test
        @DisplayName("refuse bad expiries and URLs all at once, each named")
        void badValues() {
            runner.withPropertyValues(
                            "bakongpay.default-expiry=30s",
                            "bakongpay.public-url=shop.example",
                            "bakongpay.reconcile-every=-1s")
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "bakongpay.default-expiry was 'PT30S' but it must be from 60s to bakongpay.max-expiry")
                            .hasMessageContaining("bakongpay.reconcile-every was 'PT-1S' but it must not be negative")
                            .hasMessageContaining(
                                    "bakongpay.public-url was 'shop.example' but it must be an absolute http(s) URL"));
        }

        @Test
        @DisplayName("bakongpay.enabled=false turns BakongPay off")
        void disabled() {
            runner.withPropertyValues("bakongpay.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(PaymentService.class));
        }
    }

    @Nested
    @DisplayName("with Actuator")
    class Actuator {
        @Test
        @DisplayName("the bakongpay health component is UP with the store and limiter in use")
        void healthIndicator() {
            runner.run(context -> {
                Health health = context.getBean("bakongPayHealthIndicator", HealthIndicator.class)
                        .health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("store", "memory").containsEntry("limiter", "memory");
            });
        }

        @Test
        @DisplayName("the component is DOWN when the store does not answer")
        void down() {
            runner.withBean(
                            "shopStorage",
                            Storage.class,
                            () -> new Storage(
                                    "broken",
                                    MemoryStorageProvider.create(Clock.systemUTC())
                                            .transactions(),
                                    MemoryStorageProvider.create(Clock.systemUTC())
                                            .idempotency(),
                                    brokenApiKeys(),
                                    () -> {}))
                    .run(context -> assertThat(context.getBean("bakongPayHealthIndicator", HealthIndicator.class)
                                    .health()
                                    .getStatus())
                            .isEqualTo(Status.DOWN));
        }

        /** A key store whose database is gone: every call fails. */
        private static dev.bakongpay.spi.ApiKeyStore brokenApiKeys() {
            return (dev.bakongpay.spi.ApiKeyStore) java.lang.reflect.Proxy.newProxyInstance(
                    dev.bakongpay.spi.ApiKeyStore.class.getClassLoader(),
                    new Class<?>[] {dev.bakongpay.spi.ApiKeyStore.class},
                    (proxy, method, args) -> {
                        throw new IllegalStateException("connection refused");
                    });
        }

        @Test
        @DisplayName("no health component without Actuator")
        void withoutActuator() {
            runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                    .run(context -> assertThat(context).doesNotHaveBean("bakongPayHealthIndicator"));
        }
    }

    @Nested
    @DisplayName("background reconciliation")
    class Reconciliation {
        @Test
        @DisplayName("runs by default")
        void onByDefault() {
            runner.run(context -> assertThat(
                            context.getBean(PaymentReconciliation.class).running())
                    .isTrue());
        }

        @Test
        @DisplayName("is off with bakongpay.reconcile-every=0")
        void off() {
            runner.withPropertyValues("bakongpay.reconcile-every=0")
                    .run(context -> assertThat(
                                    context.getBean(PaymentReconciliation.class).running())
                            .isFalse());
        }
    }

    @Nested
    @DisplayName("backs off")
    class BacksOff {
        @Test
        @DisplayName("from the application's own store, limiter and payment service")
        void ownBeans() {
            runner.withUserConfiguration(OwnBeans.class).run(context -> {
                assertThat(context.getBean(Storage.class)).isSameAs(context.getBean("shopStorage"));
                assertThat(context.getBean(RateLimiter.class)).isSameAs(context.getBean("shopLimiter"));
                assertThat(context.getBean(BakongPayRuntime.class).rateLimiter())
                        .isSameAs(context.getBean("shopLimiter"));
            });
        }

        @Test
        @DisplayName("from the application's own servlet registration of the same name")
        void ownServlet() {
            new WebApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            BakongPayAutoConfiguration.class, BakongPayWebAutoConfiguration.class))
                    .withUserConfiguration(OwnHealth.class)
                    .run(context -> assertThat(context.getBean("bakongPayHealthServlet", ServletRegistrationBean.class)
                                    .getUrlMappings())
                            .containsExactly("/my-health"));
        }
    }

    @Nested
    @DisplayName("the web side")
    class Web {
        @Test
        @DisplayName("maps the endpoints, the checkout page and health at the configured paths")
        void registrations() {
            new WebApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(
                            BakongPayAutoConfiguration.class, BakongPayWebAutoConfiguration.class))
                    .withPropertyValues("bakongpay.paths.api=/payments/v1", "bakongpay.paths.checkout=/shop/pay")
                    .run(context -> {
                        assertThat(mappings(context, "bakongPayApiServlet")).containsExactly("/payments/v1/*");
                        assertThat(mappings(context, "bakongPayCheckoutServlet"))
                                .containsExactly("/shop/pay/*");
                        assertThat(mappings(context, "bakongPayHealthServlet")).containsExactly("/bakongpay/health");
                    });
        }

        @Test
        @DisplayName("registers no servlet outside a web application")
        void notInAPlainApplication() {
            runner.withConfiguration(AutoConfigurations.of(BakongPayWebAutoConfiguration.class))
                    .run(context -> assertThat(context)
                            .hasSingleBean(PaymentService.class)
                            .doesNotHaveBean(ServletRegistrationBean.class));
        }

        private static java.util.Collection<String> mappings(
                org.springframework.context.ApplicationContext context, String name) {
            return context.getBean(name, ServletRegistrationBean.class).getUrlMappings();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class H2 {
        @Bean
        DataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:starter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            return ds;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        @Bean
        Storage shopStorage() {
            return MemoryStorageProvider.create(Clock.systemUTC());
        }

        @Bean
        RateLimiter shopLimiter() {
            return new MemoryRateLimiter(Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealth {
        @Bean
        ServletRegistrationBean<jakarta.servlet.http.HttpServlet> bakongPayHealthServlet() {
            return new ServletRegistrationBean<>(new jakarta.servlet.http.HttpServlet() {}, "/my-health");
        }
    }
}
