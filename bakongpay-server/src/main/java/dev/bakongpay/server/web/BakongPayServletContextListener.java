package dev.bakongpay.server.web;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.config.Settings;
import dev.bakongpay.server.runtime.ContainerDataSource;
import dev.bakongpay.server.runtime.ServerRuntime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.time.Clock;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts BakongPay inside any Servlet 6 container. Declared in this jar's
 * {@code META-INF/web-fragment.xml}, so a WAR that carries the jar in {@code WEB-INF/lib} needs no
 * web.xml and no code. Settings come from system properties, the environment, a properties file
 * and the context's {@code <context-param>}s, in that order. The store is the container's
 * DataSource when one is bound to {@value #DATA_SOURCE}.
 *
 * <p>The executable JAR passes its already open runtime in the {@link #RUNTIME_ATTRIBUTE} context
 * attribute; the listener then only installs the servlets and leaves closing to the JAR.
 */
public final class BakongPayServletContextListener implements ServletContextListener {
    /** Context attribute holding the {@link ServerRuntime}. */
    public static final String RUNTIME_ATTRIBUTE = "dev.bakongpay.server.runtime";
    /** Context attribute holding the {@link java.net.URI} shoppers reach the server at (the executable JAR knows its port). */
    public static final String PUBLIC_URL_ATTRIBUTE = "dev.bakongpay.server.publicUrl";
    /** Where the store's DataSource is looked up: the {@code resource-ref} {@code jdbc/bakongpay}. */
    public static final String DATA_SOURCE = "java:comp/env/jdbc/bakongpay";
    /** The Jakarta EE server's default DataSource, which a {@link #DATA_SOURCE} equal to it is not taken for. */
    static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    private static final Logger LOG = LoggerFactory.getLogger(BakongPayServletContextListener.class);

    private ServerRuntime owned;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ServerRuntime runtime = (ServerRuntime) context.getAttribute(RUNTIME_ATTRIBUTE);
        if (runtime == null) {
            ConfigLookup lookup = ConfigLookup.builder()
                    .systemProperties(System.getProperties())
                    .environment(System.getenv())
                    .contextParameters(context::getInitParameter)
                    .build();
            ServerSettings settings = ServerSettings.read(lookup, ServerSettings.Command.WAR);
            LOG.info("BakongPay starting in the servlet container at context path '{}'", context.getContextPath());
            owned = ServerRuntime.open(settings, Clock.systemUTC(), containerDataSource(settings));
            runtime = owned;
            context.setAttribute(RUNTIME_ATTRIBUTE, runtime);
        }
        URI publicUrl = (URI) context.getAttribute(PUBLIC_URL_ATTRIBUTE);
        if (publicUrl == null) publicUrl = runtime.settings().publicUrl();
        if (publicUrl == null) {
            publicUrl = URI.create(runtime.settings().core().publicUrl() + context.getContextPath());
            LOG.warn(
                    "BakongPay: {} is not set; checkout links will point at {}. Set it to the address shoppers reach",
                    Settings.PUBLIC_URL,
                    publicUrl);
        }
        BakongPayWebApplication.install(context, runtime, publicUrl);
    }

    /**
     * The container's pool bound to {@value #DATA_SOURCE} (a {@code resource-ref} the operator maps
     * to a DataSource of the server), unless {@code BAKONGPAY_STORAGE} names another adapter than
     * {@code jdbc}, and unless it is the server's default DataSource (what WildFly gives a
     * resource-ref nobody mapped). It wins over {@code BAKONGPAY_DB_URL} and the other database
     * settings, which a WARN line then names; with nothing bound, those settings apply as
     * everywhere else.
     */
    static ContainerDataSource containerDataSource(ServerSettings settings) {
        String adapter = settings.db().adapter();
        if (adapter != null && !adapter.equals(dev.bakongpay.adapters.jdbc.JdbcStorage.ID)) return null;
        DataSource dataSource = lookup(DATA_SOURCE);
        if (dataSource == null) return null;
        if (dataSource.equals(lookup(DEFAULT_DATA_SOURCE))) {
            // WildFly binds a DataSource resource-ref nobody mapped to the server's default one
            // (ExampleDS, an in-memory H2 database): never a place to keep payments
            LOG.info(
                    "BakongPay: {} is the server's default DataSource ({}), so nobody bound it: the store follows {} instead",
                    DATA_SOURCE,
                    DEFAULT_DATA_SOURCE,
                    Settings.DB_URL);
            return null;
        }
        if (!settings.db().embeddedDefault()) {
            LOG.warn(
                    "BakongPay: the container DataSource {} is bound, so {}, {}, {} and {} are not used",
                    DATA_SOURCE,
                    Settings.DB_URL,
                    Settings.DB_USER,
                    Settings.DB_PASSWORD,
                    Settings.DB_POOL_SIZE);
        }
        return new ContainerDataSource(DATA_SOURCE, dataSource);
    }

    /** The DataSource bound at {@code name}, or null: no JNDI (plain Jetty), no such name, or not a DataSource. */
    private static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            LOG.debug("BakongPay: no DataSource at {} ({})", name, e.toString());
            return null;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (owned != null) {
            owned.close();
            owned = null;
            deregisterOwnJdbcDrivers();
        }
    }

    /** A redeployed WAR must not leave its drivers (and so its class loader) pinned in DriverManager. */
    private static void deregisterOwnJdbcDrivers() {
        ClassLoader ours = BakongPayServletContextListener.class.getClassLoader();
        for (java.sql.Driver driver : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    java.sql.DriverManager.deregisterDriver(driver);
                } catch (java.sql.SQLException e) {
                    LOG.warn("BakongPay: could not deregister JDBC driver {}", driver, e);
                }
            }
        }
    }
}
