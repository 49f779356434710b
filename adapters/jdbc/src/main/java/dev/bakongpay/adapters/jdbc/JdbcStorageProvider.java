package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProvider;
import dev.bakongpay.spi.StoreException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jdbc} storage adapter for configuration: serves {@code jdbc:…} URLs. Options:
 * {@code user}, {@code password}, {@code poolSize} (default 10), {@code migrate} (default true),
 * {@code groupCommit} (default true: concurrent writes share commits; false: each commits alone).
 * Pools with HikariCP when it is on the classpath; otherwise opens a connection per operation
 * (fine for H2 files and tests, slow for PostgreSQL: add HikariCP there).
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
            throw new StoreException("the jdbc storage adapter needs a jdbc: url, was '" + settings.redactedUrl() + "'");
        }
        String user = settings.option("user", null);
        String password = settings.option("password", null);
        String size = settings.option("poolSize", "10");
        if (!size.matches("[1-9][0-9]{0,3}")) {
            throw new IllegalArgumentException("jdbc option poolSize was '" + size + "' but it must be a number from 1 to 9999");
        }
        int poolSize = Integer.parseInt(size);
        String groupCommitOption = settings.option("groupCommit", "true");
        if (!groupCommitOption.equalsIgnoreCase("true") && !groupCommitOption.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("jdbc option groupCommit was '" + groupCommitOption + "' but it must be true or false");
        }
        boolean groupCommit = Boolean.parseBoolean(groupCommitOption);
        DataSource ds;
        AutoCloseable close;
        if (hikariPresent()) {
            ds = HikariPools.create(settings.url(), user, password, poolSize); // typed DataSource: no Hikari link here
            close = (AutoCloseable) ds;
            LOG.info("BakongPay jdbc: HikariCP pool of {} connections to {}", poolSize, settings.redactedUrl());
        } else {
            ds = new DriverManagerDataSource(settings.url(), user, password);
            close = () -> { };
            LOG.info("BakongPay jdbc: HikariCP is not on the classpath, so no pooling: a new connection per operation to {}",
                    settings.redactedUrl());
        }
        try {
            return JdbcStorage.builder(ds).clock(settings.clock())
                    .migrate(Boolean.parseBoolean(settings.option("migrate", "true"))).groupCommit(groupCommit).onClose(close).build();
        } catch (RuntimeException e) {
            try {
                close.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static boolean hikariPresent() {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, JdbcStorageProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
