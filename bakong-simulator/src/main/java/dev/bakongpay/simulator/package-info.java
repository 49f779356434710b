/**
 * The Bakong simulator: NBC's Bakong Open API on a laptop. Start it with {@link
 * dev.bakongpay.simulator.BakongSimulator}, drive it as the paying customer (and as chaos) with
 * {@link dev.bakongpay.simulator.SimulatorControl}, or let {@link
 * dev.bakongpay.simulator.BakongSimulatorExtension} start it for JUnit tests. Everything in
 * {@code dev.bakongpay.simulator.internal} may change at any time.
 */
package dev.bakongpay.simulator;
