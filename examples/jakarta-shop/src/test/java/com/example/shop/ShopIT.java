package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.simulator.BakongSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deploys the packaged WAR under /jakarta-shop on Jetty 12 (EE 11), next to a Bakong simulator, and
 * goes through the shop as a shopper and as the shop's app would.
 */
@DisplayName("the Jakarta shop, deployed as a WAR")
class ShopIT {

    private static final String API_KEY = "bk_test_shopit0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BakongSimulator simulator;
    private static Server jetty;
    private static String shop;
    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects

    @BeforeAll
    static void deploy() throws Exception {
        simulator =
                BakongSimulator.builder().port(0).token("shop-it-token").build().start();
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ContextHandlerCollection contexts = new ContextHandlerCollection(true);
        jetty.setHandler(contexts);
        jetty.start();
        shop = "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/jakarta-shop";

        WebAppContext war = new WebAppContext();
        war.setContextPath("/jakarta-shop");
        war.setWar(System.getProperty("shop.war"));
        // what an operator sets with -D on the container's command line
        System.setProperty("shop.publicUrl", shop);
        System.setProperty("shop.bakongUrl", simulator.baseUrl().toString());
        System.setProperty("shop.bakongToken", "shop-it-token");
        System.setProperty("shop.apiKey", API_KEY);
        war.setThrowUnavailableOnStartupException(true);
        contexts.addHandler(war);
        war.start();
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (jetty != null) jetty.stop();
        if (simulator != null) simulator.close();
    }

    @Test
    @DisplayName("an order is paid in the simulator: the API says SUCCESS, the checkout page and the order say paid")
    void orderPaidThroughTheSimulator() throws Exception {
        assertThat(get("/").body()).contains("Iced coffee 1.50 USD");

        HttpResponse<String> placed = send(HttpRequest.newBuilder(URI.create(shop + "/orders"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("item=Iced+coffee")));
        assertThat(placed.statusCode()).isEqualTo(303);
        String checkoutUrl = placed.headers().firstValue("Location").orElseThrow();
        assertThat(checkoutUrl).startsWith(shop + "/pay/");
        String transactionId = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);

        JsonNode stored = api("/check/transaction", "{\"query\": \"" + transactionId + "\"}");
        assertThat(stored.at("/data/status").asText()).isEqualTo("PENDING");
        assertThat(stored.at("/data/description").asText()).isEqualTo("Order #1001");
        assertThat(get("/pay/" + transactionId + "?lang=en").body())
                .contains("data-status=\"PENDING\"")
                .contains("Coffee Corner");

        simulator.control().pay(stored.at("/data/qrString").asText());

        // as the shop's app polls: a PENDING answer is reused for 2 s, so the SUCCESS shows on a later check
        String md5Check = "{\"md5\": \"" + stored.at("/data/md5").asText() + "\"}";
        JsonNode checked = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> api("/check/md5", md5Check),
                        answer -> answer.at("/data/status").asText().equals("SUCCESS"));
        assertThat(checked.at("/data/transaction/amount").decimalValue()).isEqualByComparingTo("1.50");

        // the page is rendered in its current state: the card shows its "Payment received" panel
        assertThat(get("/pay/" + transactionId + "?lang=en").body())
                .contains("data-status=\"SUCCESS\"")
                .contains("Payment received");
        JsonNode status = JSON.readTree(get("/pay/" + transactionId + "/status").body());
        assertThat(status.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(status.get("final").asBoolean()).isTrue();
        assertThat(get("/").body()).contains("Order #1001: Iced coffee, 1.50 USD, paid");
    }

    @Test
    @DisplayName("the shop's app creates a KHQR through the API; bad requests get the error envelope")
    void apiCreatesAndRefusesInTheEnvelope() throws Exception {
        JsonNode created = api(
                "/khqr/create",
                "{\"amount\": 2.00, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\", \"bakongId\": \"coffee@aclb\"}");
        assertThat(created.at("/data/checkoutUrl").asText()).startsWith(shop + "/pay/");
        assertThat(created.at("/data/qrString").asText()).startsWith("000201010212");

        HttpResponse<String> malformed = post("/api/v1/khqr/create", "{\"amount\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).at("/error/code").asText()).isEqualTo("malformed_json");

        HttpResponse<String> invalid =
                post("/api/v1/khqr/create", "{\"amount\": -1, \"merchantName\": \"Coffee Corner\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(invalid.body()).at("/success").asBoolean(true)).isFalse();

        assertThat(send(HttpRequest.newBuilder(URI.create(shop + "/orders"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("item=Caviar")))
                        .statusCode())
                .isEqualTo(400);
    }

    private JsonNode api(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1" + path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(shop + path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(shop + path)));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
