package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.BakongPayApplication;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import jakarta.servlet.ServletContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The JAX-RS endpoints on Jersey at {@code /api/v1/*}. A container that runs Jersey's own
 * initializer (Tomcat does; it finds {@code @ApplicationPath("/api/v1")}) has mapped the path
 * already and builds the application itself: it then finds this runtime through
 * {@link ServerApiRuntimeProvider}.
 */
final class JaxrsApi {
    private JaxrsApi() {}

    static void install(ServletContext context, BakongPayRuntime api) {
        ServerApiRuntimeProvider.set(api);
        BakongPayWebApplication.addUnlessMapped(
                context,
                BakongPayApplication.class.getName(),
                "/api/v1/*",
                new ServletContainer(ResourceConfig.forApplication(new BakongPayApplication(api))
                        // the API publishes its OpenAPI document; WADL would only warn that JAXB is absent
                        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                        // the application lists every provider it uses (BakongPayApplication#getSingletons):
                        // no scanning of META-INF/services and no auto-discovered features on each request
                        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                        .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                        .property(ServerProperties.BV_FEATURE_DISABLE, true)));
    }
}
