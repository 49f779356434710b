package dev.bakongpay.server.web;

import jakarta.servlet.Servlet;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A JAX-RS application on Jersey, where BakongPay brings Jersey itself (the executable JAR, the
 * WAR). The only class of the server's web layer that names Jersey: the thin WAR for Jakarta EE
 * servers carries none, and this class is loaded only once {@link JaxrsApi#JERSEY} says Jersey is
 * there (it is not where the server's own JAX-RS is another, such as WildFly's RESTEasy).
 */
final class JerseyServlets {
    private JerseyServlets() {}

    static Servlet of(Application application) {
        return new UriRememberingServletContainer(ResourceConfig.forApplication(application)
                // the API publishes its OpenAPI document; WADL would only warn that JAXB is absent
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // the application lists every provider it uses (getSingletons): no scanning of
                // META-INF/services and no auto-discovered features on each request
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true));
    }
}
