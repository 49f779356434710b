package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProvider;
import dev.bakongpay.spi.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jdbc} storage adapter for configuration: serves {@code jdbc:…} URLs. Options:
 * {@code user}, {@code password}, {@code poolSize} (default 10), {@code migrate} (default true),
 * {@code groupCommit} (default true: concurrent writes share commits; false: each commits alone).
 * Opens a HikariCP pool of that size, which the returned {@link Storage} closes.
 */
public final class JdbcStorageProvider implements StorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageProvider.class);

    @Override
    public String id() {
        return JdbcStorage.ID;
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith("jdbc:");
    }

    @Override
    public Storage open(ProviderSettings settings) {
        if (!accepts(settings.url())) {
            throw new StoreException(
                    "the jdbc storage adapter needs a jdbc: url, was '" + settings.redactedUrl() + "'");
        }
        String user = settings.option("user", null);
        String password = settings.option("password", null);
        String size = settings.option("poolSize", "10");
        if (!size.matches("[1-9][0-9]{0,3}")) {
            throw new IllegalArgumentException(
                    "jdbc option poolSize was '" + size + "' but it must be a number from 1 to 9999");
        }
        int poolSize = Integer.parseInt(size);
        String groupCommitOption = settings.option("groupCommit", "true");
        if (!groupCommitOption.equalsIgnoreCase("true") && !groupCommitOption.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(
                    "jdbc option groupCommit was '" + groupCommitOption + "' but it must be true or false");
        }
        boolean groupCommit = Boolean.parseBoolean(groupCommitOption);
        HikariDataSource pool = pool(settings.url(), user, password, poolSize);
        LOG.info("BakongPay jdbc: HikariCP pool of {} connections to {}", poolSize, settings.redactedUrl());
        try {
            return JdbcStorage.builder(pool)
                    .clock(settings.clock())
                    .migrate(Boolean.parseBoolean(settings.option("migrate", "true")))
                    .groupCommit(groupCommit)
                    .onClose(pool::close)
                    .build();
        } catch (RuntimeException e) {
            try {
                pool.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bakongpay");
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
