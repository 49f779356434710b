/**
 * In-memory implementations of every port: the default when nothing else is configured, and what
 * tests and single-node sandboxes use. Nothing survives a restart and nothing is shared between
 * nodes. Each is exact under concurrency and reads time from a {@link java.time.Clock}.
 */
package dev.bakongpay.spi.memory;
