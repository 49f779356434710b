/**
 * Declaring and reading start-up settings, on the JDK alone, so that the server, the simulator and
 * the load tool share one set of rules and one wording: a {@link dev.bakongpay.spi.settings.Setting}
 * is declared once (name, parser, default, documentation), {@link dev.bakongpay.spi.settings.Parsers}
 * holds the common value rules (ports, whole numbers, durations, URLs, hosts, paths), and
 * {@link dev.bakongpay.spi.settings.Problems} reads a list of them and collects every bad value as
 * {@code <NAME> was '<value>' but it <reason>}, so an operator fixes them all in one round.
 *
 * <p>Each program keeps its own list of settings; only the pieces live here.
 */
package dev.bakongpay.spi.settings;
