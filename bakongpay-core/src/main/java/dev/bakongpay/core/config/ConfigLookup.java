package dev.bakongpay.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where settings come from: a name in, a value (or null) out. {@link #standard} reads system
 * properties first (so {@code -DBAKONGPAY_PORT=…} overrides), then the environment, then a
 * properties file, the order operators expect from the command line down.
 */
@FunctionalInterface
public interface ConfigLookup extends Function<String, String> {

    /** This lookup's answer, or {@code next}'s when this one has none (null or empty). */
    default ConfigLookup orElse(Function<String, String> next) {
        Objects.requireNonNull(next, "next");
        return name -> {
            String v = apply(name);
            return v == null || v.isEmpty() ? next.apply(name) : v;
        };
    }

    static ConfigLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }

    static ConfigLookup environment() {
        return System::getenv;
    }

    static ConfigLookup systemProperties() {
        return System::getProperty;
    }

    /** A properties file; a missing file answers nothing, an unreadable one fails loudly. */
    static ConfigLookup propertiesFile(Path file) {
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new ConfigurationException(java.util.List.of(
                        "properties file was '" + file + "' but it could not be read: " + e.getMessage()));
            }
        }
        return p::getProperty;
    }

    /** System properties, then environment variables, then {@code file} (nullable). */
    static ConfigLookup standard(Path file) {
        return systemProperties().orElse(environment()).orElse(propertiesFile(file));
    }
}
