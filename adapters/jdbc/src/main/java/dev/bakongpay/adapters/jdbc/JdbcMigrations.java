package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies BakongPay's schema with Flyway, in the connection's current schema. Its history table is
 * {@value #HISTORY_TABLE} and its scripts are under {@value #LOCATION}, so a host's own Flyway
 * (default table {@code flyway_schema_history}, its own locations) is unaffected. A schema that
 * already holds the host's tables is baselined at version 0, so V1 still runs.
 *
 * <p>A store whose history already lists every bundled script, applied with success and with the
 * script's checksum, is left as it is without starting Flyway (loading and configuring it is most
 * of a restart's start-up); in any other case, Flyway decides, validates and reports as always.
 */
public final class JdbcMigrations {
    public static final String HISTORY_TABLE = "bakongpay_schema_history";
    public static final String LOCATION = "classpath:db/migration/bakongpay";
    private static final String RESOURCE_FOLDER = "db/migration/bakongpay";
    /** Flyway's versioned script names: {@code V<version>__<description>.sql}. */
    private static final Pattern SCRIPT = Pattern.compile("V([0-9]+)__[^/]*\\.sql");

    /** Flyway's own rows: the history table's and the schema's creation, the baseline. */
    private static final java.util.Set<String> MARKERS = java.util.Set.of("TABLE", "SCHEMA", "BASELINE");

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMigrations.class);

    private JdbcMigrations() {}

    /** Brings the schema up to date; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        if (upToDate(dataSource)) return 0;
        return migrate(dataSource, () -> flyway(dataSource));
    }

    /**
     * Runs {@code flyway}, once more if it failed while another node created the history table:
     * two nodes started at once on one fresh schema both find no history, one creates it, and the
     * other, now seeing a schema that is not empty, tries to baseline a history it finds empty. On
     * a second look the table is there, so Flyway takes its locked path and waits for the other.
     */
    static int migrate(DataSource dataSource, java.util.function.IntSupplier flyway) {
        boolean historyBefore = historyExists(dataSource);
        try {
            return flyway.getAsInt();
        } catch (RuntimeException first) {
            if (historyBefore || !historyExists(dataSource)) throw failed(first);
            LOG.info("BakongPay schema history appeared while migrating (another node is starting); migrating again");
            try {
                return flyway.getAsInt();
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw failed(second);
            }
        }
    }

    private static int flyway(DataSource dataSource) {
        MigrateResult result = Flyway.configure(JdbcMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(
                    "BakongPay schema migrated to version {} ({} migration(s), history in {})",
                    result.targetSchemaVersion,
                    result.migrationsExecuted,
                    HISTORY_TABLE);
        }
        return result.migrationsExecuted;
    }

    private static StoreException failed(RuntimeException e) {
        return new StoreException("migrating the BakongPay schema failed: " + e.getMessage(), e);
    }

    /** Whether the current schema holds the history table; false when that cannot be asked. */
    private static boolean historyExists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                String schema = connection.getSchema();
                return schema != null && historyTableExists(connection, schema);
            } finally {
                if (!autoCommit) connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the current schema's history records exactly the bundled scripts (version, script
     * name and Flyway's checksum), all applied with success, beside Flyway's own marker rows. Anything else, or any doubt (no history table, scripts this class cannot
     * list, an error), is false: Flyway then runs as it always did.
     */
    static boolean upToDate(DataSource dataSource) {
        Map<String, Script> bundled = bundledScripts();
        if (bundled == null || bundled.isEmpty()) return false;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                return historyMatches(connection, bundled);
            } finally {
                if (!autoCommit) connection.rollback(); // leave no transaction open on a host's connection
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("BakongPay schema history not read ({}); Flyway checks the schema", e.toString());
            return false;
        }
    }

    private static boolean historyMatches(Connection connection, Map<String, Script> bundled) throws SQLException {
        String schema = connection.getSchema();
        if (schema == null || !historyTableExists(connection, schema)) return false;
        Map<String, Script> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"type\", \"script\", \"checksum\", \"success\" FROM " + quoted(schema)
                                + "." + quoted(HISTORY_TABLE))) {
            while (rows.next()) {
                String type = rows.getString(2);
                if (!rows.getBoolean(5)) return false; // a failed migration: Flyway reports it
                if ("SQL".equals(type)) {
                    int checksum = rows.getInt(4);
                    if (rows.wasNull()
                            || applied.put(rows.getString(1), new Script(rows.getString(3), checksum)) != null) {
                        return false;
                    }
                } else if (!MARKERS.contains(type)) {
                    return false;
                }
            }
        }
        return applied.equals(bundled);
    }

    /**
     * Asked of the metadata rather than by querying the table: a query of a missing table is an
     * error that H2 would write to a {@code .trace.db} file beside a fresh store.
     */
    private static boolean historyTableExists(Connection connection, String schema) throws SQLException {
        java.sql.DatabaseMetaData metadata = connection.getMetaData();
        String escape = metadata.getSearchStringEscape();
        String pattern = escape == null ? HISTORY_TABLE : HISTORY_TABLE.replace("_", escape + "_");
        String schemaPattern =
                escape == null ? schema : schema.replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet tables = metadata.getTables(connection.getCatalog(), schemaPattern, pattern, null)) {
            while (tables.next()) {
                if (HISTORY_TABLE.equals(tables.getString("TABLE_NAME"))
                        && schema.equals(tables.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** One applied or bundled script: its file name and Flyway's checksum of it. */
    private record Script(String name, int checksum) {}

    /**
     * The scripts under {@value #LOCATION} by version, from one folder or one jar of the class
     * path; null when they are elsewhere or in several places (Flyway then looks for them).
     */
    private static Map<String, Script> bundledScripts() {
        ClassLoader loader = JdbcMigrations.class.getClassLoader();
        try {
            List<URL> folders = Collections.list(loader.getResources(RESOURCE_FOLDER));
            if (folders.size() != 1) return null;
            List<String> names = scriptNames(folders.get(0));
            if (names == null) return null;
            Map<String, Script> scripts = new HashMap<>();
            for (String name : names) {
                Matcher m = SCRIPT.matcher(name);
                if (!m.matches()) continue;
                String version = Integer.toString(Integer.parseInt(m.group(1)));
                try (InputStream in = loader.getResourceAsStream(RESOURCE_FOLDER + "/" + name)) {
                    if (in == null || scripts.put(version, new Script(name, checksum(in))) != null) return null;
                }
            }
            return scripts;
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return null;
        }
    }

    private static List<String> scriptNames(URL folder) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        switch (folder.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.forEach(p -> names.add(p.getFileName().toString()));
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(true);
                JarFile jar = connection.getJarFile();
                String prefix = RESOURCE_FOLDER + "/";
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            }
            default -> {
                return null; // a container's own URL scheme: Flyway knows how to read it
            }
        }
        return names;
    }

    /** Flyway's checksum of a script: CRC32 of each line's UTF-8 bytes, line breaks and a BOM left out. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        while (line != null) {
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }
}
