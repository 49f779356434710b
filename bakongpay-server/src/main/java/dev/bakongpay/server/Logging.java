package dev.bakongpay.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * slf4j-simple's settings, applied before the first logger exists (slf4j-simple reads them once).
 * An operator's own {@code -Dorg.slf4j.simpleLogger.*} properties win.
 */
final class Logging {
    /**
     * Jersey warns that each resource passed as an instance (BakongPayApplication#getSingletons)
     * "will be ignored", yet serves it (Jersey issue 3700). Held here because JUL keeps loggers
     * only weakly: a level set on a collected logger is lost.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private Logging() {}

    static void configure(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // Jetty's and HikariCP's INFO lines say nothing an operator of BakongPay needs
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // its WARNs are about what a client sent (two Host headers…), already answered 400: not the operator's concern
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty.http.HttpParser", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
    }

    static Logger logger(Class<?> type) {
        return LoggerFactory.getLogger(type);
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) System.setProperty(name, value);
    }
}
