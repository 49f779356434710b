package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.jaxrs.BakongPayRuntimeProvider;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the runtime this server opened to a {@code BakongPayApplication} that a container created
 * with its no-argument constructor. One per class loader, so one per deployed WAR; the servlet
 * container initialises servlets after the listener has set it.
 */
public final class ServerApiRuntimeProvider implements BakongPayRuntimeProvider {
    private static final AtomicReference<BakongPayRuntime> CURRENT = new AtomicReference<>();

    static void set(BakongPayRuntime runtime) {
        CURRENT.set(runtime);
    }

    @Override
    public BakongPayRuntime runtime() {
        BakongPayRuntime runtime = CURRENT.get();
        if (runtime == null) {
            throw new IllegalStateException(
                    "BakongPay has not started in this web application: "
                            + "BakongPayServletContextListener (from bakongpay-server's web-fragment.xml) did not run or failed");
        }
        return runtime;
    }
}
