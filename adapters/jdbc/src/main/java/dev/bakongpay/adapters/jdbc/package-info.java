/**
 * The JDBC storage adapter: {@link dev.bakongpay.spi.TransactionStore},
 * {@link dev.bakongpay.spi.IdempotencyStore} and {@link dev.bakongpay.spi.ApiKeyStore} on
 * PostgreSQL and H2 through a host-supplied {@link javax.sql.DataSource}. Start at
 * {@link dev.bakongpay.adapters.jdbc.JdbcStorage}.
 */
package dev.bakongpay.adapters.jdbc;
