/**
 * End-to-end tests of BakongPay over real HTTP: the packaged server JAR ({@code serve} and
 * {@code sandbox}) in child JVMs, the Bakong simulator, PostgreSQL, Redis and headless Chromium.
 * The tests live under {@code src/test}; see this module's README.
 */
package dev.bakongpay.it;
