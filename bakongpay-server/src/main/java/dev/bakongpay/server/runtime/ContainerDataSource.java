package dev.bakongpay.server.runtime;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * A connection pool the servlet container (a Jakarta EE server) hands the application, and the
 * JNDI name it was found under (for the logs).
 */
public record ContainerDataSource(String name, DataSource dataSource) {
    public ContainerDataSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataSource, "dataSource");
    }
}
