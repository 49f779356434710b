package dev.bakongpay.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration (found through {@code META-INF/services}): INFO, plain lines on
 * {@code System.err}, Jetty and the pool quieted, from the very first logger on. Without it, Logback
 * would print everything at DEBUG to stdout until {@code ServerMain} applies the settings. An
 * operator's {@code logback.xml} on the class path or {@code -Dlogback.configurationFile} wins.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = DefaultLogging.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback.xml") != null
                || loader.getResource("logback-test.xml") != null) {
            return ExecutionStatus.NEUTRAL;
        }
        Logging.apply(context, "info", Logging.PLAIN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
