package dev.bakongpay.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The control API acts as the paying customer")
class ControlApiTest extends SimulatorTestBase {

    static io.restassured.specification.RequestSpecification ctl() {
        return anonymous();
    }

    @Nested
    @DisplayName("POST /simulator/payments")
    class Payments {

        @Test
        @DisplayName("pays a QR for its full amount and answers the payment record")
        void paysByQr() {
            String qr = freshQr();
            ctl().body(Map.of("qr", qr))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201)
                    .body("responseCode", equalTo(0))
                    .body("data.md5", equalTo(TestQrs.md5(qr)))
                    .body("data.status", equalTo("SUCCESS"))
                    .body("data.amount", equalTo(1.50f))
                    .body("data.currency", equalTo("USD"))
                    .body("data.toAccountId", equalTo("coffee@aclb"))
                    .body("data.receiverBank", equalTo("ACLEDA Bank"))
                    .body("data.description", containsString("INV-"));
        }

        @Test
        @DisplayName("pays by md5 only a QR it has seen, and says so otherwise")
        void paysByMd5() {
            String qr = freshQr();
            ctl().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(404)
                    .body("errorCode", equalTo(1))
                    .body("responseMessage", containsString("POST /simulator/qrs"));
            ctl().body(Map.of("qr", qr))
                    .post("/simulator/qrs")
                    .then()
                    .statusCode(200)
                    .body("data.md5", equalTo(TestQrs.md5(qr)))
                    .body("data.payable", equalTo(true))
                    .body("data.merchantName", equalTo("Coffee Corner"))
                    .body("data.amount", equalTo(1.50f));
            ctl().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201)
                    .body("data.status", equalTo("SUCCESS"));
        }

        @Test
        @DisplayName("pays the QR in an uploaded picture, as a raw body or as a multipart form")
        void paysByImage() {
            String raw = freshQr();
            given().baseUri(simulator.baseUrl().toString())
                    .contentType("image/png")
                    .body(TestQrs.png(raw))
                    .queryParam("fromAccountId", "dara@aclb")
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201)
                    .body("data.md5", equalTo(TestQrs.md5(raw)))
                    .body("data.fromAccountId", equalTo("dara@aclb"));
            String multipart = freshQr();
            given().baseUri(simulator.baseUrl().toString())
                    .multiPart("image", "qr.png", TestQrs.png(multipart), "image/png")
                    .multiPart("status", "FAILED")
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201)
                    .body("data.md5", equalTo(TestQrs.md5(multipart)))
                    .body("data.status", equalTo("FAILED"));
            given().baseUri(simulator.baseUrl().toString())
                    .contentType("image/png")
                    .body(new byte[] {1, 2, 3})
                    .post("/simulator/payments")
                    .then()
                    .statusCode(422)
                    .body("responseMessage", containsString("no QR code"));
            SimulatedPayment viaJava = control.payImage(
                    TestQrs.png(freshQr()), PaymentOptions.defaults().amount(new BigDecimal("9")));
            assertThat(viaJava.amount()).isEqualByComparingTo("9");
        }

        @Test
        @DisplayName("pays a wrong amount, currency or receiving account when asked, to test a gateway's defences")
        void overrides() {
            SimulatedPayment wrong = control.pay(
                    freshQr(),
                    PaymentOptions.defaults()
                            .amount(new BigDecimal("0.01"))
                            .currency("KHR")
                            .to("thief@abaa")
                            .from("dara@aclb"));
            assertThat(wrong.amount()).isEqualByComparingTo("0.01");
            assertThat(wrong.currency()).isEqualTo("KHR");
            assertThat(wrong.toAccountId()).isEqualTo("thief@abaa");
            assertThat(wrong.fromAccountId()).isEqualTo("dara@aclb");
        }

        @Test
        @DisplayName("refuses an expired QR and a QR with a broken CRC with HTTP 422 and the reason")
        void unpayableQrs() {
            String expired = TestQrs.dynamic(
                    "coffee@aclb",
                    "Coffee Corner",
                    "USD",
                    "1",
                    clock.instant().minusSeconds(700),
                    clock.instant().minusSeconds(100));
            ctl().body(Map.of("qr", expired))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(422)
                    .body("responseCode", equalTo(1))
                    .body("responseMessage", containsString("expired"));
            ctl().body(Map.of("qr", TestQrs.withBrokenCrc(freshQr())))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(422)
                    .body("responseMessage", org.hamcrest.Matchers.containsStringIgnoringCase("crc"));
            ctl().body(Map.of("qr", "hello")).post("/simulator/payments").then().statusCode(422);
            assertThat(control.transactions()).isEmpty();
        }

        @Test
        @DisplayName("a QR expires on the simulator's clock: payable before, refused after")
        void expiresOnTheClock() {
            String qr = freshQr();
            clock.advance(Duration.ofSeconds(600));
            try {
                assertThatThrownBy(() -> control.pay(qr))
                        .isInstanceOf(SimulatorException.class)
                        .hasMessageContaining("expired")
                        .extracting(e -> ((SimulatorException) e).httpStatus())
                        .isEqualTo(422);
            } finally {
                clock.advance(Duration.ofSeconds(-600));
            }
            assertThat(control.pay(qr).status()).isEqualTo("SUCCESS");
        }

        @Test
        @DisplayName("a static QR needs an amount")
        void staticQr() {
            String qr = TestQrs.staticQr("shop@abaa", "Static Shop", "KHR");
            ctl().body(Map.of("qr", qr))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            ctl().body(Map.of("qr", qr, "amount", 4400))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201)
                    .body("data.amount", equalTo(4400))
                    .body("data.currency", equalTo("KHR"));
        }

        @Test
        @DisplayName("a QR is settled once: a second payment is refused with HTTP 409")
        void settledOnce() {
            String qr = freshQr();
            control.pay(qr);
            ctl().body(Map.of("qr", qr))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(409)
                    .body("responseMessage", containsString("already settled"));
            assertThat(control.transactions()).hasSize(1);
        }

        @Test
        @DisplayName("refuses malformed JSON and wrongly typed fields with HTTP 400 errorCode 5")
        void badOrders() {
            String qr = freshQr();
            for (Object body : List.of(
                    "{\"qr\":",
                    "[]",
                    "{}",
                    Map.of("qr", qr, "amount", "lots"),
                    Map.of("qr", qr, "delayMs", -1),
                    Map.of("qr", qr, "delayMs", 1.5),
                    Map.of("qr", qr, "status", "MAYBE"),
                    Map.of("qr", qr, "currency", "EUR"),
                    Map.of("qr", qr, "amount", -1),
                    Map.of("md5", "xyz"),
                    Map.of("qr", List.of(qr)),
                    Map.of("qr", qr, "md5", "0".repeat(32)))) {
                ctl().body(body)
                        .post("/simulator/payments")
                        .then()
                        .statusCode(400)
                        .body("responseCode", equalTo(1))
                        .body("errorCode", equalTo(5));
            }
        }
    }

    @Nested
    @DisplayName("Transactions, QRs, accounts, stats and reset")
    class Housekeeping {

        @Test
        @DisplayName("lists and deletes transactions")
        void transactions() {
            control.pay(freshQr());
            control.pay(freshQr(), PaymentOptions.defaults().failed());
            ctl().get("/simulator/transactions").then().statusCode(200).body("data", hasSize(2));
            ctl().delete("/simulator/transactions").then().statusCode(200);
            assertThat(control.transactions()).isEmpty();
        }

        @Test
        @DisplayName("lists the QRs it has seen, and reads an uploaded QR picture")
        void qrs() {
            String qr = freshQr();
            given().baseUri(simulator.baseUrl().toString())
                    .contentType("image/png")
                    .body(TestQrs.png(qr))
                    .post("/simulator/qrs")
                    .then()
                    .statusCode(200)
                    .body("data.qr", equalTo(qr))
                    .body("data.merchantName", equalTo("Coffee Corner"));
            ctl().get("/simulator/qrs").then().statusCode(200).body("data." + TestQrs.md5(qr), equalTo(qr));
            ctl().body(Map.of()).post("/simulator/qrs").then().statusCode(400);
        }

        @Test
        @DisplayName("reads back every KHQR picture BakongPay draws, the ones ZXing's single-code detector misses too")
        void readsEveryRenderedQr() {
            dev.bakongpay.core.render.QrRenderer renderer = new dev.bakongpay.core.render.QrRenderer();
            int singleDetectorMisses = 0;
            for (int bill = 1; bill <= 100; bill++) {
                String qr = TestQrs.numbered(bill);
                byte[] png = renderer.png(qr, dev.bakongpay.core.render.QrImageOptions.defaults());
                if (!singleDetectorReads(png)) {
                    singleDetectorMisses++;
                }
                given().baseUri(simulator.baseUrl().toString())
                        .contentType("image/png")
                        .body(png)
                        .post("/simulator/qrs")
                        .then()
                        .statusCode(200)
                        .body("data.qr", equalTo(qr));
            }
            assertThat(singleDetectorMisses)
                    .as("pictures only the fallback reads, so this test covers it")
                    .isPositive();
        }

        private static boolean singleDetectorReads(byte[] png) {
            try {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
                int w = image.getWidth();
                int h = image.getHeight();
                int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
                new com.google.zxing.qrcode.QRCodeReader()
                        .decode(
                                new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                                        new com.google.zxing.RGBLuminanceSource(w, h, argb))),
                                java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
                return true;
            } catch (com.google.zxing.ReaderException e) {
                return false;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        @DisplayName("registers accounts and refuses malformed ones")
        void accounts() {
            ctl().body(Map.of("accountId", "dara@aclb"))
                    .post("/simulator/accounts")
                    .then()
                    .statusCode(201);
            ctl().get("/simulator/accounts").then().body("data", equalTo(List.of("dara@aclb")));
            ctl().body(Map.of("accountId", "dara"))
                    .post("/simulator/accounts")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(12));
            ctl().body("{").post("/simulator/accounts").then().statusCode(400).body("errorCode", equalTo(5));
        }

        @Test
        @DisplayName("counts Open API calls per path and md5 checks from single and list calls")
        void stats() {
            String md5 = TestQrs.md5(freshQr());
            nbc().body(Map.of("md5", md5)).post("/v1/check_transaction_by_md5");
            nbc().body(List.of(md5, md5)).post("/v1/check_transaction_by_md5_list");
            anonymous().body(Map.of("md5", md5)).post("/v1/check_transaction_by_md5");
            assertThat(control.callCount("/v1/check_transaction_by_md5")).isEqualTo(2);
            assertThat(control.callCount("/v1/check_transaction_by_md5_list")).isEqualTo(1);
            assertThat(control.md5CheckCount(md5)).isEqualTo(3);
            ctl().get("/simulator/stats").then().body("data.calls.'/v1/check_transaction_by_md5'", equalTo(2));
            control.resetStats();
            assertThat(control.callCount("/v1/check_transaction_by_md5")).isZero();
        }

        @Test
        @DisplayName("reset forgets payments, QRs and accounts")
        void reset() {
            String qr = freshQr();
            control.pay(qr);
            control.registerAccount("dara@aclb");
            ctl().post("/simulator/reset").then().statusCode(200);
            assertThat(control.transactions()).isEmpty();
            ctl().get("/simulator/accounts").then().body("data", hasSize(0));
            assertThatThrownBy(() -> control.payMd5(TestQrs.md5(qr))).isInstanceOf(SimulatorException.class);
        }

        @Test
        @DisplayName("answers a health check, for scripts that wait for it to start")
        void health() {
            ctl().get("/simulator/health")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("responseMessage", equalTo("UP"));
        }

        @Test
        @DisplayName("an unknown control path is a 404 in the envelope")
        void unknownPath() {
            ctl().get("/simulator/nothing").then().statusCode(404).body("responseCode", equalTo(1));
        }
    }
}
