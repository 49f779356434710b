package dev.bakongpay.server.web;

import dev.bakongpay.checkout.CheckoutServlet;
import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.server.runtime.PaymentStack;
import dev.bakongpay.server.runtime.ServerRuntime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts BakongPay's servlets into a servlet context: {@code /health} (and the probes {@code /health/live},
 * {@code /health/ready}), the JAX-RS endpoints under
 * {@code /api/*} and the checkout page under {@code /pay/*}. The executable JAR and the WAR both
 * come through here, so they serve the same application.
 */
public final class BakongPayWebApplication {
    private static final Logger LOG = LoggerFactory.getLogger(BakongPayWebApplication.class);

    private BakongPayWebApplication() {}

    /** Installs everything; {@code publicUrl} is where shoppers reach this context (base of checkout links). */
    public static void install(ServletContext context, ServerRuntime runtime, URI publicUrl) {
        PaymentStack stack = runtime.paymentStack(publicUrl);
        // first of all filters: every log line of a request carries its id, whichever servlet serves it
        context.addFilter("bakongpay-request-id", new RequestIdServletFilter())
                .addMappingForUrlPatterns(java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), false, "/*");
        // TRACE and other unused methods on /health and the checkout page answer 405 in the envelope
        context.addFilter("bakongpay-methods", new MethodGuard())
                .addMappingForUrlPatterns(
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST),
                        false,
                        "/health",
                        "/health/*",
                        "/pay/*");
        addUnlessMapped(context, "bakongpay-health", "/health", new HealthServlet(runtime));
        addUnlessMapped(context, "bakongpay-health-live", HealthProbeServlet.LIVE, HealthProbeServlet.live());
        addUnlessMapped(context, "bakongpay-health-ready", HealthProbeServlet.READY, HealthProbeServlet.ready(runtime));
        // the checkout servlet reads its source from this attribute on every request, whether this
        // class registered it or the checkout jar's web-fragment.xml did
        context.setAttribute(CheckoutSource.ATTRIBUTE, stack.checkout());
        addUnlessMapped(context, "bakongpay-checkout", "/pay/*", new CheckoutServlet());
        JaxrsApi.install(context, stack.api());
        boolean admin = AdminApi.install(context, runtime, stack.api().apiKeys());
        if (runtime.settings().adminToken()
                != null) { // without the token /metrics is off here (the management port may serve it)
            addUnlessMapped(
                    context,
                    "bakongpay-metrics",
                    "/metrics",
                    new MetricsServlet(runtime.metrics(), runtime.settings().adminToken()));
            context.addFilter("bakongpay-metrics-methods", new MethodGuard())
                    .addMappingForUrlPatterns(
                            java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST), false, "/metrics");
        }
        LOG.info(
                "BakongPay web: /api/v1/* (endpoints), /pay/* (checkout), /health, /health/live, /health/ready{}{}",
                admin ? ", /admin/v1/* (admin API), /admin/ (console), /metrics (admin token)" : "",
                context.getContextPath().isEmpty() ? "" : " under " + context.getContextPath());
    }

    /**
     * Adds the servlet unless something already serves the path: in a WAR, a web-fragment.xml of a
     * BakongPay jar may have mapped it first, and a second mapping would fail the deployment.
     */
    static void addUnlessMapped(ServletContext context, String name, String path, jakarta.servlet.Servlet servlet) {
        addUnlessMapped(context, name, path, () -> servlet);
    }

    /** As above; the servlet is made only when it is added (a JAX-RS runtime the container has mapped is never built). */
    static void addUnlessMapped(
            ServletContext context, String name, String path, Supplier<? extends jakarta.servlet.Servlet> servlet) {
        String existing = mappedBy(context, path);
        if (existing != null) {
            LOG.info("BakongPay web: {} is already served by {}; leaving it", path, existing);
            return;
        }
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet.get());
        registration.addMapping(path);
        registration.setLoadOnStartup(0);
    }

    /** The name of the servlet mapped at exactly {@code path}, or null. */
    static String mappedBy(ServletContext context, String path) {
        for (ServletRegistration existing : context.getServletRegistrations().values()) {
            Collection<String> mappings = existing.getMappings();
            if (mappings.contains(path)) return existing.getName();
        }
        return null;
    }
}
