package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the executable JAR spares Jetty its MBean-server probe at start, unless the operator set the value")
class JettyMBeanProbeTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(ServerMain.JETTY_REFERENCES_PER_CACHE_LINE);
        System.clearProperty(ServerMain.JETTY_REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(ServerMain.JETTY_REFERENCES_PER_CACHE_LINE);
        else System.setProperty(ServerMain.JETTY_REFERENCES_PER_CACHE_LINE, before);
    }

    @Test
    void setsACacheLineOfCompressedReferences() {
        ServerMain.skipJettysMBeanProbe();
        assertThat(System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine"))
                .isEqualTo("16");
    }

    @Test
    void keepsTheOperatorsValue() {
        System.setProperty(ServerMain.JETTY_REFERENCES_PER_CACHE_LINE, "8");
        ServerMain.skipJettysMBeanProbe();
        assertThat(System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine"))
                .isEqualTo("8");
    }
}
