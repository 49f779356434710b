package dev.bakongpay.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The executable JAR's logging: Logback writing to {@code System.err}, plain lines or one JSON
 * object per line, with the request id (MDC {@code requestId}) on every line of a request; Jersey's
 * and the JDK's java.util.logging bridged in. {@code -Dlogback.configurationFile=FILE} replaces all
 * of it. Only the JAR comes here: the WAR leaves Logback out and logs as its container says.
 */
final class Logging {
    static final String PLAIN = "plain";
    static final String JSON = "json";
    /** slf4j-simple's layout, kept; {@code requestId=…} only when the line belongs to a request. */
    static final String PLAIN_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger{0}"
            + "%replace( requestId=%X{requestId}){' requestId=$', ''} - %msg%n";
    /**
     * Loggers whose INFO says nothing an operator of BakongPay needs, and the least they log. Jetty's
     * HttpParser WARNs are about what a client sent (two Host headers…), already answered 400. Jersey's
     * Providers warns that each resource passed as an instance "will be ignored", yet serves it
     * (Jersey issue 3700).
     */
    private static final Map<String, Level> QUIETED = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "org.eclipse.jetty.http.HttpParser", Level.ERROR,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.glassfish.jersey.internal.inject.Providers", Level.ERROR);

    private Logging() {}

    /**
     * Applies {@code BAKONGPAY_LOG_LEVEL} and {@code BAKONGPAY_LOG_FORMAT} and bridges
     * java.util.logging. Leaves Logback alone when the operator gave a configuration file, or when
     * another SLF4J provider is in charge.
     */
    static void configure(String level, String format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context && !operatorConfigured()) {
            context.reset();
            apply(context, level, format);
        }
        bridgeJavaUtilLogging();
    }

    /** The default set-up: also what {@link DefaultLogging} installs before the first logger exists. */
    static void apply(LoggerContext context, String level, String format) {
        // JUL loggers follow Logback's levels, so JUL does not build records that Logback then drops
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err"); // the stream slf4j-simple used; stdout stays the sandbox guide's
        console.setEncoder(encoder(context, format));
        console.start();

        Level root = Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO);
        ch.qos.logback.classic.Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLogger.setLevel(root);
        rootLogger.addAppender(console);
        QUIETED.forEach((name, least) -> context.getLogger(name).setLevel(least.isGreaterOrEqual(root) ? least : root));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if (JSON.equals(format)) {
            // Logback's own encoder, trimmed to what a collector needs: timestamp (epoch ms), level,
            // thread, logger, mdc (requestId), the formatted message and a structured throwable
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        PatternLayoutEncoder plain = new PatternLayoutEncoder();
        plain.setContext(context);
        plain.setPattern(PLAIN_PATTERN);
        plain.start();
        return plain;
    }

    private static boolean operatorConfigured() {
        return System.getProperty("logback.configurationFile") != null;
    }

    private static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // else JUL's console handler prints each record twice
            SLF4JBridgeHandler.install();
        }
    }

    static Logger logger(Class<?> type) {
        return LoggerFactory.getLogger(type);
    }
}
