package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SandboxGuideTest {
    private static final URI BANK = URI.create("http://127.0.0.1:9090");

    @Test
    void payCurlWithoutControlTokenSendsNoAuthorization() {
        assertThat(SandboxGuide.payCurl(BANK, false))
                .isEqualTo(
                        "curl -s -X POST http://127.0.0.1:9090/simulator/payments -H 'Content-Type: application/json'"
                                + " -d '{\"qr\":\"<qrString>\"}'")
                .doesNotContain("Authorization");
    }

    @Test
    void payCurlWithControlTokenTakesItFromTheShellNotFromTheGuide() {
        assertThat(SandboxGuide.payCurl(BANK, true))
                .contains("-H \"Authorization: Bearer $BAKONG_SIMULATOR_CONTROL_TOKEN\"");
    }
}
