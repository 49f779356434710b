package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Phone-sized screenshots of every state in headless Chromium, for a human to look at: run with
 * {@code -Dcheckout.screenshots=true}; they land in {@code target/screenshots}. Off by default
 * because a Chromium start costs seconds on a shared machine and the automated proof lives elsewhere.
 */
@EnabledIfSystemProperty(named = "checkout.screenshots", matches = "true")
@DisplayName("Screenshots of the checkout page")
class ScreenshotPreviewTest {

    @Test
    @DisplayName("are taken for every state in English and Khmer")
    void screenshots() throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        try (CheckoutServer server = CheckoutServer.start()) {
            Instant later = Instant.now().plusSeconds(900);
            Map<String, String> khmer = Map.of("merchantNameKhmer", "ហាងហ្វីន", "returnUrl", "https://shop.example/");
            Transaction pending =
                    server.add(Fixtures.usd("25.00", later).attributes(khmer).build());
            Transaction riel =
                    server.add(Fixtures.khr("100000", later).attributes(khmer).build());
            Transaction paid =
                    server.add(Fixtures.usd("1250.00", later).attributes(khmer).build());
            server.pay(paid);
            Transaction failed = server.add(Fixtures.usd("3.50", later).build());
            server.fail(failed, "upstream_failed: Bakong reported the payment failed");
            Transaction mismatch =
                    server.add(Fixtures.usd("3.50", later).attributes(khmer).build());
            server.fail(mismatch);
            Transaction expired = server.add(
                    Fixtures.usd("9.99", Instant.now().minusSeconds(5)).build());
            Transaction xss = server.add(Fixtures.usd("1.00", later)
                    .merchantName("<script>alert(1)</script>")
                    .description("<b>bold?</b>")
                    .build());
            Map<String, String> shots = new LinkedHashMap<>();
            shots.put("pending-en", server.page(pending));
            shots.put("pending-km", server.page(pending) + "?lang=km");
            shots.put("pending-khr-km", server.page(riel) + "?lang=km");
            shots.put("paid-en", server.page(paid));
            shots.put("paid-km", server.page(paid) + "?lang=km");
            shots.put("failed-en", server.page(failed));
            shots.put("mismatch-en", server.page(mismatch));
            shots.put("mismatch-km", server.page(mismatch) + "?lang=km");
            shots.put("expired-km", server.page(expired) + "?lang=km");
            shots.put("xss-en", server.page(xss));
            shots.put("not-found-en", server.url("/pay/nope"));
            shots.put("desktop-en", server.page(pending));
            // live update under Chromium's real CSP: the page renders pending, every later read says paid
            Transaction live =
                    server.add(Fixtures.usd("25.00", later).attributes(khmer).build());
            shots.put("live-paid-en", server.page(live));
            StoreCheckoutSource store = new StoreCheckoutSource(server.store);
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            CheckoutSource flipping = id -> {
                if (id.equals(live.id()) && reads.getAndIncrement() == 1) server.pay(live);
                return store.find(id);
            };
            for (Map.Entry<String, String> e : shots.entrySet()) {
                if (e.getKey().equals("live-paid-en")) {
                    server.useSource(flipping);
                    String dom = chromium(
                            dir,
                            e.getKey() + "-dom",
                            List.of("--dump-dom", "--virtual-time-budget=6000", e.getValue()),
                            null);
                    assertThat(reads.get()).isGreaterThan(1);
                    assertThat(dom).contains("data-status=\"SUCCESS\"");
                }
                Path png = dir.resolve(e.getKey() + ".png").toAbsolutePath();
                String size = e.getKey().startsWith("desktop") ? "1280,900" : "390,844";
                if (e.getKey().equals("live-paid-en")) continue; // paid by now: the DOM check above is the point
                chromium(
                        dir,
                        e.getKey(),
                        List.of(
                                "--screenshot=" + png,
                                "--window-size=" + size,
                                "--virtual-time-budget=3000",
                                e.getValue()),
                        null);
                assertThat(png).exists();
            }
        }
    }

    /** Runs headless Chromium with {@code args}; starts {@code alongside} once it runs; returns its stdout. */
    private static String chromium(Path dir, String name, List<String> args, Thread alongside) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"));
        command.addAll(args);
        Path out = dir.resolve(name + ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve(name + ".log").toFile())
                .start();
        if (alongside != null) alongside.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out);
    }
}
