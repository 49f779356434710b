package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.BakongPayApplication;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import jakarta.servlet.ServletContext;

/**
 * The JAX-RS endpoints at {@code /api/v1/*}. A container whose JAX-RS runtime scans the web
 * application (a Jakarta EE server; Tomcat with Jersey's initializer) has mapped
 * {@code @ApplicationPath("/api/v1")} already and builds the application itself: it then finds this
 * runtime through {@link ServerApiRuntimeProvider}. Otherwise BakongPay maps it on Jersey.
 */
final class JaxrsApi {
    /** Whether Jersey is on this web application's class path (the thin WAR for EE servers has none of its own). */
    static final boolean JERSEY = present("org.glassfish.jersey.servlet.ServletContainer");

    private JaxrsApi() {}

    static void install(ServletContext context, BakongPayRuntime api) {
        ServerApiRuntimeProvider.set(api);
        if (!JERSEY && BakongPayWebApplication.mappedBy(context, "/api/v1/*") == null) {
            throw new IllegalStateException("BakongPay: nothing serves /api/v1/*: this server's JAX-RS did not map "
                    + BakongPayApplication.class.getName()
                    + " and the web application carries no Jersey to map it with");
        }
        BakongPayWebApplication.addUnlessMapped(
                context,
                BakongPayApplication.class.getName(),
                "/api/v1/*",
                () -> JerseyServlets.of(new BakongPayApplication(api)));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JaxrsApi.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
