package dev.bakongpay.spring.boot;

import dev.bakongpay.checkout.CheckoutServlet;
import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.jaxrs.BakongPayApplication;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * BakongPay's web side in a servlet application: the JAX-RS endpoints on Jersey in a servlet of
 * their own (so the application's Spring MVC or Jersey set-up is untouched), the hosted checkout
 * page and health, at {@code bakongpay.paths.*}. A registration bean of the same name defined by
 * the application replaces each one.
 */
@AutoConfiguration(after = BakongPayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ServletContainer.class, ServletRegistrationBean.class})
@ConditionalOnBean(BakongPayRuntime.class)
public class BakongPayWebAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(BakongPayWebAutoConfiguration.class);
    /**
     * Jersey warns that each resource "will be ignored" because the application hands them over as
     * instances; they are served all the same (Jersey issue 3700). Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    /** The five endpoints and {@code openapi.json}, with BakongPay's keys, limits and error envelope. */
    @Bean
    @ConditionalOnMissingBean(name = "bakongPayApiServlet")
    public ServletRegistrationBean<ServletContainer> bakongPayApiServlet(
            BakongPayRuntime runtime, BakongPayProperties properties) {
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
        ResourceConfig config = ResourceConfig.forApplication(new BakongPayApplication(runtime))
                // the application lists all its providers: no WADL, no scanning, no auto-discovered features
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true);
        String path = properties.paths().api();
        var registration = new ServletRegistrationBean<>(new ServletContainer(config), path + "/*");
        registration.setName("bakongpay-api");
        registration.setLoadOnStartup(0); // Jersey starts with the server, not on the first payment
        LOG.info(
                "BakongPay web: {}/* (endpoints), {}/* (checkout), {} (health)",
                path,
                properties.paths().checkout(),
                properties.paths().health());
        return registration;
    }

    /** BakongPay's envelope for what the servlet layer refuses on the API's path before the application runs. */
    @Bean
    @ConditionalOnMissingBean(name = "bakongPayApiErrors")
    public FilterRegistrationBean<ContainerErrorEnvelope> bakongPayApiErrors(BakongPayProperties properties) {
        var registration = new FilterRegistrationBean<>(new ContainerErrorEnvelope());
        registration.setName("bakongpay-api-errors");
        registration.addUrlPatterns(properties.paths().api() + "/*");
        return registration;
    }

    /** The hosted checkout page behind each payment's {@code checkoutUrl}. */
    @Bean
    @ConditionalOnMissingBean(name = "bakongPayCheckoutServlet")
    public ServletRegistrationBean<CheckoutServlet> bakongPayCheckoutServlet(
            CheckoutSource source, BakongPayProperties properties) {
        var registration = new ServletRegistrationBean<>(
                new CheckoutServlet(source), properties.paths().checkout() + "/*");
        registration.setName("bakongpay-checkout");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(name = "bakongPayHealthServlet")
    public ServletRegistrationBean<BakongPayHealthServlet> bakongPayHealthServlet(
            Storage storage, RateLimiter rateLimiter, BakongPayProperties properties) {
        var registration = new ServletRegistrationBean<>(
                new BakongPayHealthServlet(new BakongPayHealth(storage, rateLimiter)),
                properties.paths().health());
        registration.setName("bakongpay-health");
        return registration;
    }
}
