package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.memory.MemoryTransactionStore;
import java.time.Clock;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, compiled, so the README cannot drift from the API. */
@DisplayName("The README's examples")
class ReadmeExamplesTest {
    private final MemoryTransactionStore store = new MemoryTransactionStore(Clock.systemUTC());

    @Test
    @DisplayName("wire the servlet in code and as a context attribute")
    void wiring() {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new CheckoutServlet(new StoreCheckoutSource(store))), "/pay/*");
        var servletContext = context.getServletContext();
        servletContext.setAttribute(CheckoutSource.ATTRIBUTE, new StoreCheckoutSource(store));
        assertThat(servletContext.getAttribute("dev.bakongpay.checkout.CheckoutSource"))
                .isInstanceOf(StoreCheckoutSource.class);
    }
}
