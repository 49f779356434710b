package dev.bakongpay.server;

import dev.bakongpay.server.config.SeedKey;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.spi.PaymentMode;
import java.io.PrintStream;
import java.net.URI;

/**
 * What the sandbox prints once it serves: the addresses, the test keys, and the four steps of a
 * payment, each copy-pasteable. The create curl is one line so that it survives any terminal.
 */
final class SandboxGuide {
    static final String CREATE_PATH = "/api/v1/khqr/create";
    static final String CHECK_PATH = "/api/v1/check/md5";
    /** The sample order: a bakongId the simulator accepts, a price a café would charge. */
    static final String SAMPLE_ORDER =
            "{\"amount\": 1.50, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\", \"bakongId\": \"coffee@aclb\", \"description\": \"Order #1\"}";

    private SandboxGuide() {}

    /** The curl that creates a KHQR with {@code key}, as printed. */
    static String createCurl(URI api, String key) {
        return "curl -s -X POST " + api + CREATE_PATH + " -H 'Authorization: Bearer " + key + "'"
                + " -H 'Content-Type: application/json' -d '" + SAMPLE_ORDER + "'";
    }

    /**
     * The curl that pays a KHQR in the simulator. With a control token set, it sends the token from
     * the shell's environment: the guide never prints the token itself.
     */
    static String payCurl(URI bank, boolean controlToken) {
        return "curl -s -X POST " + bank + "/simulator/payments -H 'Content-Type: application/json'"
                + (controlToken ? " -H \"Authorization: Bearer $BAKONG_SIMULATOR_CONTROL_TOKEN\"" : "")
                + " -d '{\"qr\":\"<qrString>\"}'";
    }

    static void print(PrintStream out, ServerSettings settings, URI api, ServerRuntime runtime) {
        URI bank = runtime.embeddedSimulatorUrl()
                .orElseGet(() -> runtime.networks().get(PaymentMode.TEST).baseUrl());
        SeedKey first = settings.seedKeys().stream()
                .filter(k -> k.mode() == PaymentMode.TEST)
                .findFirst()
                .orElse(settings.seedKeys().get(0));
        StringBuilder keys = new StringBuilder();
        for (SeedKey k : settings.seedKeys()) {
            // live keys are real credentials: the terminal shows only their first characters
            String shown = k.mode() == PaymentMode.TEST ? k.key() : SeedKey.redact(k.key());
            keys.append(String.format("    %-10s %-5s %s%n", k.plan(), k.mode(), shown));
        }
        out.print("""

                ============================================================================
                 BakongPay sandbox is running: no NBC account, no network needed.
                ============================================================================
                  API and checkout page : %1$s   (health: %1$s/health)
                  Bakong simulator      : %2$s   (mock bank app: %2$s/)
                  Data kept in          : %3$s
                  API keys (test mode runs against the simulator; stored hashed):
                %4$s
                 1. Create a KHQR (copy and paste):

                %5$s

                 2. Open the "checkoutUrl" of the answer in a browser (%1$s/pay/<transactionId>).

                 3. Pay it as a customer would: open the mock bank app at %2$s/ , paste the
                    answer's "qrString" (or upload a screenshot of the QR) and press Pay. The
                    checkout page turns to paid by itself. From a terminal instead:
                    %8$s

                 4. Check it like a shop's backend would:
                    curl -s -X POST %1$s%6$s -H 'Authorization: Bearer %7$s' -H 'Content-Type: application/json' -d '{"md5":"<md5>"}'

                 Press Ctrl-C to stop.
                ============================================================================
                """.formatted(
                        api,
                        bank,
                        settings.dataDir(),
                        keys,
                        createCurl(api, first.key()),
                        CHECK_PATH,
                        first.key(),
                        payCurl(bank, settings.simulator().controlToken() != null)));
        out.flush();
    }
}
