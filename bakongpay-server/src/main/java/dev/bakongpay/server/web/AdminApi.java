package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.admin.AdminRuntime;
import dev.bakongpay.jaxrs.admin.BakongPayAdminApplication;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.server.web.console.ConsoleServlet;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Storage;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's JAX-RS API at {@code /admin/v1/*} and the console at {@code /admin/}, installed
 * only when an admin token is set.
 */
final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private AdminApi() {}

    /**
     * True when installed. {@code apiKeys} is the payment API's (cached) key store: a change made here
     * drops its cached copy, so it is in force on this node at once, not after the cache's 5 s.
     */
    static boolean install(ServletContext context, ServerRuntime runtime, ApiKeyStore apiKeys) {
        if (runtime.settings().adminToken() == null) return false;
        if (!JaxrsApi.JERSEY) {
            // the admin application has no @ApplicationPath (it must not start without its token),
            // so only a Jersey the web application can reach mounts it
            LOG.warn(
                    "BakongPay web: {} is set, but the admin API and its console need Jersey, which this "
                            + "deployment does not have (the thin WAR on a server whose JAX-RS is another): they are off; /metrics is on",
                    dev.bakongpay.server.config.Settings.ADMIN_TOKEN);
            return false;
        }
        Storage s = runtime.storage();
        Storage stores =
                new Storage(s.adapterId(), s.transactions(), s.idempotency(), apiKeys, s.webhooks(), s.audit(), null);
        AdminRuntime admin = new AdminRuntime(stores, runtime.settings().adminToken(), runtime.clock());
        BakongPayWebApplication.addUnlessMapped(
                context,
                BakongPayAdminApplication.class.getName(),
                "/admin/v1/*",
                () -> JerseyServlets.of(new BakongPayAdminApplication(admin)));
        BakongPayWebApplication.addUnlessMapped(context, "bakongpay-console", "/admin/*", new ConsoleServlet());
        return true;
    }
}
