/**
 * Meters: every BakongPay component that records takes a Micrometer {@code MeterRegistry} through
 * its builder and records nothing without one ({@link dev.bakongpay.core.metrics.Meters#none()}).
 * The names and tags are listed in the server README's metrics table.
 */
package dev.bakongpay.core.metrics;
