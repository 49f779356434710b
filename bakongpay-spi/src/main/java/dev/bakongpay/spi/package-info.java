/**
 * The storage and rate-limit SPI: the ports a host implements to plug BakongPay into its own
 * infrastructure, their value types and {@link dev.bakongpay.spi.StoreException}.
 *
 * <p>Ports: {@link dev.bakongpay.spi.TransactionStore}, {@link dev.bakongpay.spi.IdempotencyStore},
 * {@link dev.bakongpay.spi.ApiKeyStore}, {@link dev.bakongpay.spi.RateLimiter} and
 * {@link dev.bakongpay.spi.PaymentEventListener}. Ordinary outcomes (not found, lost
 * compare-and-set, duplicate, rate limited) are values; only infrastructure failure throws
 * {@link dev.bakongpay.spi.StoreException}. Wiring: {@link dev.bakongpay.spi.StorageProviders}.
 *
 * <p>Every instant stored through this SPI is truncated to microseconds (what PostgreSQL keeps),
 * so a value read back equals the value written on every adapter.
 */
package dev.bakongpay.spi;
