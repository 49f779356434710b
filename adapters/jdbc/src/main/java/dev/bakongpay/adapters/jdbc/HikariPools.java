package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Kept apart so HikariCP stays optional: this class is loaded only when HikariCP is present. */
final class HikariPools {
    private HikariPools() {}

    /** A pool; also {@link AutoCloseable}. */
    static DataSource create(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bakongpay");
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
