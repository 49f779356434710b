package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.admin.AdminRuntime;
import dev.bakongpay.jaxrs.admin.BakongPayAdminApplication;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.server.web.console.ConsoleServlet;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Storage;
import jakarta.servlet.ServletContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The operator's JAX-RS API at {@code /admin/v1/*} and the console at {@code /admin/}, installed
 * only when an admin token is set.
 */
final class AdminApi {
    private AdminApi() {}

    /**
     * True when installed. {@code apiKeys} is the payment API's (cached) key store: a change made here
     * drops its cached copy, so it is in force on this node at once, not after the cache's 5 s.
     */
    static boolean install(ServletContext context, ServerRuntime runtime, ApiKeyStore apiKeys) {
        if (runtime.settings().adminToken() == null) return false;
        Storage s = runtime.storage();
        Storage stores =
                new Storage(s.adapterId(), s.transactions(), s.idempotency(), apiKeys, s.webhooks(), s.audit(), null);
        AdminRuntime admin = new AdminRuntime(stores, runtime.settings().adminToken(), runtime.clock());
        BakongPayWebApplication.addUnlessMapped(
                context,
                BakongPayAdminApplication.class.getName(),
                "/admin/v1/*",
                new ServletContainer(ResourceConfig.forApplication(new BakongPayAdminApplication(admin))
                        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                        .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                        .property(ServerProperties.BV_FEATURE_DISABLE, true)));
        BakongPayWebApplication.addUnlessMapped(context, "bakongpay-console", "/admin/*", new ConsoleServlet());
        return true;
    }
}
