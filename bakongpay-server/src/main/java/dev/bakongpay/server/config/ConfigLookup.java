package dev.bakongpay.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where a setting's value comes from. Each layer is asked for the canonical name
 * ({@code BAKONGPAY_PORT}) and its dotted form ({@code bakongpay.port}); the first layer that has
 * a non-blank value wins. The order is the one operators expect from twelve-factor servers: the
 * most specific, per-launch source first.
 * <ol>
 *   <li>Java system properties ({@code -DBAKONGPAY_PORT=9000} or {@code -Dbakongpay.port=9000})</li>
 *   <li>environment variables</li>
 *   <li>the properties file ({@code --config FILE} or {@code BAKONGPAY_CONFIG_FILE})</li>
 *   <li>servlet context parameters (WAR deployments)</li>
 *   <li>the built-in default</li>
 * </ol>
 * It implements {@code Function<String,String>}, the lookup {@link dev.bakongpay.spi.settings.Problems} reads
 * the declared {@link Settings} through.
 */
public final class ConfigLookup implements Function<String, String> {
    private static final String CONFIG_FILE = Settings.CONFIG_FILE.name();

    private record Layer(String name, Function<String, String> values) {}

    private final List<Layer> layers;

    private ConfigLookup(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** System properties, then the environment, then the file they name (if any). */
    public static ConfigLookup standard(String configFileArgument) {
        return builder()
                .systemProperties(System.getProperties())
                .environment(System.getenv())
                .configFile(configFileArgument)
                .build();
    }

    /** The value, or null when no layer has one. */
    @Override
    public String apply(String name) {
        for (Layer layer : layers) {
            String value = valueIn(layer, name);
            if (value != null) return value;
        }
        return null;
    }

    /** Which layer a value came from ("environment", "file /etc/bakongpay.properties", "default"). */
    public String sourceOf(String name) {
        for (Layer layer : layers) {
            if (valueIn(layer, name) != null) return layer.name();
        }
        return "default";
    }

    private static String valueIn(Layer layer, String name) {
        String value = layer.values().apply(name);
        if (value == null || value.isBlank()) value = layer.values().apply(dotted(name));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code BAKONGPAY_DB_URL} → {@code bakongpay.db.url}. */
    static String dotted(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public static final class Builder {
        private final List<Layer> layers = new ArrayList<>();
        private Map<String, String> environment = Map.of();
        private Properties systemProperties = new Properties();
        private String fileArgument;
        private Function<String, String> contextParameters = name -> null;

        public Builder systemProperties(Properties properties) {
            this.systemProperties = properties;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(env);
            return this;
        }

        /** A file named on the command line; when null, {@code BAKONGPAY_CONFIG_FILE} may name one. */
        public Builder configFile(String path) {
            this.fileArgument = path;
            return this;
        }

        public Builder contextParameters(Function<String, String> parameters) {
            this.contextParameters = parameters;
            return this;
        }

        /** Reads the properties file now, so a missing file fails at start, naming the file. */
        public ConfigLookup build() {
            Properties sys = systemProperties;
            layers.add(new Layer("system property", sys::getProperty));
            layers.add(new Layer("environment", environment::get));
            ConfigLookup early = new ConfigLookup(layers);
            String file = fileArgument != null ? fileArgument : early.apply(CONFIG_FILE);
            if (file == null) file = contextParameters.apply(CONFIG_FILE);
            if (file != null) {
                Map<String, String> fromFile = readProperties(Path.of(file));
                layers.add(new Layer("file " + file, fromFile::get));
            }
            layers.add(new Layer("context parameter", contextParameters));
            return new ConfigLookup(layers);
        }

        private static Map<String, String> readProperties(Path file) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigurationException(List.of(CONFIG_FILE + " was '" + file + "' but it cannot be read: "
                        + e.getClass().getSimpleName() + " " + e.getMessage()));
            }
            Map<String, String> values = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            return values;
        }
    }
}
