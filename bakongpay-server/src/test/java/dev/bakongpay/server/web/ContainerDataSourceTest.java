package dev.bakongpay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ContainerDataSource;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which DataSource the WAR's listener takes for the store, over a JNDI of the test's making. */
@DisplayName("the container's DataSource")
class ContainerDataSourceTest {
    /** What the fake JNDI has bound, by name. */
    static final Map<String, Object> BOUND = new HashMap<>();

    private final DataSource shops = dataSource();

    /** A DataSource that is only itself (equal to no other), as a server's pool is. */
    private static DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("equals")) return proxy == args[0];
                    if (method.getName().equals("hashCode")) return System.identityHashCode(proxy);
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @BeforeEach
    void fakeJndi() {
        BOUND.clear();
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeJndi.class.getName());
    }

    @AfterEach
    void noJndi() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    private static ServerSettings settings(Map<String, String> env) {
        return ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.WAR);
    }

    @Test
    @DisplayName("bound to jdbc/bakongpay: the store's, even when BAKONGPAY_DB_URL is set")
    void boundWins() {
        BOUND.put(BakongPayServletContextListener.DATA_SOURCE, shops);
        BOUND.put("java:comp/DefaultDataSource", dataSource());
        ContainerDataSource found = BakongPayServletContextListener.containerDataSource(
                settings(Map.of("BAKONGPAY_DB_URL", "jdbc:postgresql://db:5432/bakongpay")));
        assertThat(found).isNotNull();
        assertThat(found.dataSource()).isSameAs(shops);
        assertThat(found.name()).isEqualTo("java:comp/env/jdbc/bakongpay");
    }

    @Test
    @DisplayName("nothing bound, or no JNDI at all: none, the settings decide")
    void nothingBound() {
        assertThat(BakongPayServletContextListener.containerDataSource(settings(Map.of())))
                .isNull();
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        assertThat(BakongPayServletContextListener.containerDataSource(settings(Map.of())))
                .isNull();
    }

    @Test
    @DisplayName("the server's default DataSource (WildFly's answer to an unmapped resource-ref) is not taken")
    void defaultDataSourceIsNotTaken() {
        BOUND.put(BakongPayServletContextListener.DATA_SOURCE, shops);
        BOUND.put("java:comp/DefaultDataSource", shops);
        assertThat(BakongPayServletContextListener.containerDataSource(settings(Map.of())))
                .isNull();
    }

    @Test
    @DisplayName("BAKONGPAY_STORAGE=memory turns a bound DataSource down")
    void memoryStorage() {
        BOUND.put(BakongPayServletContextListener.DATA_SOURCE, shops);
        assertThat(BakongPayServletContextListener.containerDataSource(settings(Map.of("BAKONGPAY_STORAGE", "memory"))))
                .isNull();
    }

    /** A read-only JNDI over {@link #BOUND}. */
    public static final class FakeJndi implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(
                    Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args[0] instanceof String name) {
                            Object value = BOUND.get(name);
                            if (value == null) throw new NameNotFoundException(name);
                            return value;
                        }
                        if (method.getName().equals("close")) return null;
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
