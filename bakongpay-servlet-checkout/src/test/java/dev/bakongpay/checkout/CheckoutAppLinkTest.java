package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.Transaction;
import dev.bakongpay.testsupport.QrScanner;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The deep link GET /pay/{id}/app and the page's phone buttons")
class CheckoutAppLinkTest {
    static final String SHORT_LINK = "https://bakongsit.page.link/dGZAr1McBs1UaNmH9";
    CheckoutServer server;

    @BeforeEach
    void start() throws Exception {
        server = CheckoutServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    Transaction pending() {
        return server.add(Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build());
    }

    void links(java.util.function.Function<Transaction, Optional<String>> links) {
        server.useSource(new StoreCheckoutSource(
                        server.store, Clock.systemUTC(), UnaryOperator.identity(), Duration.ofMinutes(2))
                .withBankAppLinks(links));
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a pending payment redirects (302) to its bank-app link, never cached")
    void redirects() throws Exception {
        Transaction t = pending();
        links(x -> x.id().equals(t.id()) ? Optional.of(SHORT_LINK) : Optional.empty());
        HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/app");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(SHORT_LINK);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    @DisplayName(
            "without a link, or when asking for one fails, the page shows the QR, Save QR and a note; never an error")
    void fallback() throws Exception {
        Transaction t = pending();
        links(x -> Optional.empty());
        HttpResponse<byte[]> none = server.get("/pay/" + t.id() + "/app");
        links(x -> {
            throw new IllegalStateException("NBC is down");
        });
        HttpResponse<byte[]> failing = server.get("/pay/" + t.id() + "/app?lang=km");
        for (HttpResponse<byte[]> r : java.util.List.of(none, failing)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r))
                    .contains(
                            "id=\"app-unavailable\"",
                            "id=\"save-qr\" href=\"/shop/pay/" + t.id() + "/card.png\"",
                            "src=\"/shop/pay/" + t.id() + "/qr.png\"")
                    .doesNotContain("id=\"deeplink\"");
        }
        assertThat(text(none)).contains("Your bank app could not be opened from here");
        assertThat(text(failing)).contains("មិនអាចបើកកម្មវិធីធនាគាររបស់អ្នកពីទីនេះបានទេ");
    }

    @Test
    @DisplayName("a paid payment redirects to its checkout page, asking for no link")
    void paid() throws Exception {
        Transaction t = pending();
        server.pay(t);
        links(x -> {
            throw new AssertionError("no link is asked for a paid payment");
        });
        HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/app");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/shop/pay/" + t.id());
    }

    @Test
    @DisplayName("an unknown payment is 404; a source without links shows the fallback page, not the bakong: scheme")
    void unknownAndDefault() throws Exception {
        assertThat(server.get("/pay/" + java.util.UUID.randomUUID() + "/app").statusCode())
                .isEqualTo(404);
        Transaction t = pending();
        HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/app");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("id=\"app-unavailable\"");
    }

    @Test
    @DisplayName("the page lists Open in bank app, then Save QR, then the QR, in English and Khmer")
    void order() throws Exception {
        Transaction t = pending();
        String en = text(server.get("/pay/" + t.id()));
        int open = en.indexOf("id=\"deeplink\" href=\"/shop/pay/" + t.id() + "/app\">Open in bank app<");
        int save = en.indexOf("id=\"save-qr\"");
        int qr = en.indexOf("id=\"qr\"");
        assertThat(open).isPositive().isLessThan(save);
        assertThat(save).isLessThan(qr);
        assertThat(en).contains("download=\"KHQR FINN SHOP 25.00 USD.png\"", ">Save QR<");
        String km = text(server.get("/pay/" + t.id() + "?lang=km"));
        assertThat(km).contains(">បើកក្នុងកម្មវិធីធនាគារ<", ">រក្សាទុក QR<");
    }

    @Test
    @DisplayName("Save QR downloads a PNG named after merchant and amount; the default app icon is served")
    void downloads() throws Exception {
        Transaction t = pending();
        HttpResponse<byte[]> card = server.get("/pay/" + t.id() + "/card.png");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(card.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename*=UTF-8''KHQR%20FINN%20SHOP%2025.00%20USD.png");
        assertThat(QrScanner.decodeAll(card.body())).containsExactly(t.qrString());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(card.body()));
        assertThat(image.getWidth()).as("NBC's card, 600 px wide").isEqualTo(600);
        assertThat(image.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xE1232E);
        HttpResponse<byte[]> icon = server.get("/pay/app-icon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(text(icon)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }
}
