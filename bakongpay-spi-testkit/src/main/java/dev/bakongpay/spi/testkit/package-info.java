/**
 * The contract test kit of the BakongPay SPI: one abstract JUnit class per port. An implementation
 * is correct when its test extends the contract, supplies an instance, and passes. Concurrency
 * races are part of every contract. Time is a {@link dev.bakongpay.testsupport.MutableClock}: no
 * test sleeps.
 */
package dev.bakongpay.spi.testkit;
