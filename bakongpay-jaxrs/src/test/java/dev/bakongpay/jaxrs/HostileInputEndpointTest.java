package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caller input that must not hurt the service: numbers judged by size in constant time, wrong
 * types as 422 on the field (only broken syntax is 400), forbidden and invisible-only text, and
 * the md5 of Khmer, emoji and Latin-1 KHQRs as the simulator computes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("hostile input to the API")
class HostileInputEndpointTest {
    /** "Not minutes": each answer takes milliseconds; generous for a loaded CI machine. */
    static final Duration BOUND = Duration.ofSeconds(30);

    static final String DIGITS_5000 = "9".repeat(5000);
    TestWorld world;

    @BeforeAll
    void start() {
        world = new TestWorld(Map.of(Plan.PRO, RateLimit.perSecond(10_000)), Duration.ofSeconds(5));
        world.create(TestWorld.PRO, "1.00"); // warms REST Assured up outside the time bounds
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    ValidatableResponse post(String path, String json) {
        return assertTimeoutPreemptively(
                BOUND, () -> world.as(TestWorld.PRO).body(json).post(path).then());
    }

    /** A create with {@code fields}, plus a merchant name and account unless {@code fields} has its own (a key given twice is refused). */
    ValidatableResponse create(String fields) {
        return post("/khqr/create", JsonBodies.object("\"merchantName\":\"S\",\"bakongId\":\"s@aclb\"", fields));
    }

    static void invalid(ValidatableResponse r, String field, String code) {
        r.statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("validation_failed"))
                .body("error.details", hasSize(1))
                .body("error.details[0].field", equalTo(field))
                .body("error.details[0].code", equalTo(code))
                .body("error.details[0].message", notNullValue());
    }

    @Nested
    @DisplayName("numbers are judged by their size, in constant time")
    class Numbers {
        @ParameterizedTest(name = "amount {0} → {1}")
        @CsvSource({
            "1e20000000,too_large",
            "1e999999999,too_large",
            "1E+9999999999999999999,too_large",
            "-1e20000000,invalid_value",
            "1e-20000000,invalid_value",
            "1e-999999999,invalid_value",
            "1E-9999999999999999999,invalid_value",
            "-1e-20000000,invalid_value",
            "1e14,too_large",
            "0.001,invalid_value",
            "123.4e-300,invalid_value",
        })
        @DisplayName("an exponent amount is a 422 on amount")
        void exponents(String amount, String code) {
            invalid(create("\"amount\":" + amount), "amount", code);
        }

        @Test
        @DisplayName("5,000-digit amounts (over Jackson's 1,000-character number limit) are 422 on amount, not 400")
        void longNumbers() {
            invalid(create("\"amount\":" + DIGITS_5000), "amount", "too_large");
            invalid(create("\"amount\":-" + DIGITS_5000), "amount", "invalid_value");
            invalid(create("\"amount\":0." + "0".repeat(5000) + "1"), "amount", "invalid_value");
            invalid(create("\"amount\":1." + DIGITS_5000), "amount", "invalid_value");
        }

        @Test
        @DisplayName("equal forms of a valid amount pass: trailing zeros and exponents cost nothing")
        void validForms() {
            create("\"amount\":1." + "0".repeat(5000)).statusCode(200);
            create("\"amount\":2.5e1").statusCode(200);
            create("\"amount\":2500e-2").statusCode(200);
            create("\"amount\":1" + "0".repeat(5000) + "e-5000").statusCode(200); // 10^5000 × 10^-5000 = 1
        }

        @ParameterizedTest(name = "expiresInSeconds {0}")
        @ValueSource(
                strings = {
                    "9223372036854775808",
                    "-9223372036854775809",
                    "9223372036854775807",
                    "99999999999999999999999",
                    "-1",
                    "0",
                    "59",
                    "86401"
                })
        @DisplayName("a whole number beyond a long is out_of_range on the field, with the field's own bounds")
        void expiry(String seconds) {
            invalid(create("\"amount\":1,\"expiresInSeconds\":" + seconds), "expiresInSeconds", "out_of_range");
            create("\"amount\":1,\"expiresInSeconds\":" + seconds)
                    .body("error.details[0].message", equalTo("must be from 60 to 86400"));
        }

        @Test
        @DisplayName("a 5,000-digit expiresInSeconds is out_of_range too; a fraction or exponent is invalid_type")
        void expiryForms() {
            invalid(create("\"amount\":1,\"expiresInSeconds\":" + DIGITS_5000), "expiresInSeconds", "out_of_range");
            invalid(create("\"amount\":1,\"expiresInSeconds\":6e2"), "expiresInSeconds", "invalid_type");
            invalid(create("\"amount\":1,\"expiresInSeconds\":1e999999999"), "expiresInSeconds", "invalid_type");
            create("\"amount\":1,\"expiresInSeconds\":600").statusCode(200);
        }

        @ParameterizedTest(name = "size {0}")
        @ValueSource(strings = {"1099511627776", "2147483648", "-2147483649", "99", "2001", "100000000000000000000"})
        @DisplayName("qr/generate size out of range is 422 on size")
        void size(String size) {
            invalid(
                    post("/qr/generate", "{\"qrString\":\"" + qr() + "\",\"size\":" + size + "}"),
                    "size",
                    "out_of_range");
        }

        @Test
        @DisplayName("qr/generate: a 5,000-digit size is out_of_range, a fraction invalid_type")
        void sizeForms() {
            invalid(
                    post("/qr/generate", "{\"qrString\":\"" + qr() + "\",\"size\":" + DIGITS_5000 + "}"),
                    "size",
                    "out_of_range");
            invalid(post("/qr/generate", "{\"qrString\":\"" + qr() + "\",\"size\":3e2}"), "size", "invalid_type");
        }
    }

    String qr() {
        return (String) world.create(TestWorld.PRO, "1.00").get("qrString");
    }

    @Nested
    @DisplayName("well-formed JSON of the wrong type is a 422 on the field; only broken syntax is 400")
    class Types {
        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "amount|\"25\"",
                    "amount|\"1e20000000\"",
                    "amount|true",
                    "amount|{}",
                    "amount|[25]",
                    "expiresInSeconds|\"600\"",
                    "expiresInSeconds|false",
                    "expiresInSeconds|[]",
                    "currency|5",
                    "currency|{}",
                    "merchantName|{}",
                    "merchantName|[\"a\"]",
                    "merchantName|12",
                    "bakongId|true",
                    "description|1.5",
                    "merchantCity|[]",
                    "merchantId|123",
                    "acquiringBank|{}",
                    "storeLabel|7",
                    "terminalLabel|false",
                    "merchantNameKhmer|[]",
                    "mobileNumber|85512345678",
                    "returnUrl|{}",
                })
        @DisplayName("create")
        void createFields(String field, String value) {
            String json = JsonBodies.object(
                    "\"amount\":1,\"merchantName\":\"S\",\"bakongId\":\"s@aclb\"", "\"" + field + "\":" + value);
            invalid(post("/khqr/create", json), field, "invalid_type");
        }

        @Test
        @DisplayName("the check and image endpoints")
        void others() {
            invalid(post("/check/md5", "{\"md5\":5}"), "md5", "invalid_type");
            invalid(post("/check/md5", "{\"md5\":{}}"), "md5", "invalid_type");
            invalid(post("/check/bulk", "{\"md5s\":\"abc\"}"), "md5s", "invalid_type");
            invalid(post("/check/bulk", "{\"md5s\":[1]}"), "md5s[0]", "invalid_type");
            invalid(post("/check/bulk", "{\"md5s\":[[]]}"), "md5s[0]", "invalid_type");
            invalid(post("/check/transaction", "{\"query\":{}}"), "query", "invalid_type");
            invalid(post("/check/transaction", "{\"query\":\"x\",\"type\":[]}"), "type", "invalid_type");
            invalid(post("/qr/generate", "{\"qrString\":[]}"), "qrString", "invalid_type");
            invalid(post("/qr/generate", "{\"qrString\":\"x\",\"size\":\"300\"}"), "size", "invalid_type");
            invalid(post("/qr/generate", "{\"qrString\":\"x\",\"foreground\":0}"), "foreground", "invalid_type");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[1,2]", "[]", "\"text\"", "5", "1e999999999", "true"})
        @DisplayName("a body that is not an object is 422 on body")
        void body(String json) {
            invalid(post("/khqr/create", json), "body", "invalid_type");
            post("/khqr/create", json).body("error.details[0].message", equalTo("must be an object"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"amount\": 25,",
                    "{\"amount\": 25x}",
                    "{'amount':1}",
                    "{\"amount\":01}",
                    "{\"a\"}",
                    "{\"amount\":-}",
                    "{\"amount\":1.}",
                    "{\"amount\":NaN}",
                    "\u0000"
                })
        @DisplayName("syntactically broken JSON is 400 malformed_json")
        void broken(String json) {
            post("/khqr/create", json)
                    .statusCode(400)
                    .body("error.code", equalTo("malformed_json"))
                    .body("error.details", hasSize(0));
        }

        @Test
        @DisplayName("nesting deeper than 1,000 levels is 422 on body; large ignored fields cost nothing")
        void shapes() {
            String deep = "[".repeat(5000) + "]".repeat(5000);
            invalid(create("\"amount\":1,\"extra\":" + deep), "body", "too_deep");
            invalid(
                    post("/khqr/create", "[".repeat(5000) + "]".repeat(5000)),
                    "body",
                    "invalid_type"); // not an object: seen at once
            invalid(create("\"amount\":1,\"merchantName\":" + deep), "merchantName", "invalid_type");
            create("\"amount\":1,\"extra\":" + "[".repeat(500) + "]".repeat(500))
                    .statusCode(200);
            create("\"amount\":1,\"" + "k".repeat(60_000) + "\":1").statusCode(200);
            create("\"amount\":1,\"extra\":" + "9".repeat(60_000)).statusCode(200);
            create("\"amount\":1,\"extra\":1e999999999999").statusCode(200);
        }

        @Test
        @DisplayName("a key given twice is 422 on that key; a second value after the body is malformed")
        void ambiguousBodies() {
            invalid(create("\"amount\":1,\"amount\":2"), "amount", "duplicate_field");
            invalid(
                    post("/check/md5", "{\"md5\":\"" + "0".repeat(32) + "\",\"md5\":\"" + "1".repeat(32) + "\"}"),
                    "md5",
                    "duplicate_field");
            post("/check/md5", "{\"md5\":\"" + "0".repeat(32) + "\"} {\"md5\":\"x\"}")
                    .statusCode(400)
                    .body("error.code", equalTo("malformed_json"));
            post("/check/md5", "{\"md5\":\"" + "0".repeat(32) + "\"} garbage")
                    .statusCode(400)
                    .body("error.code", equalTo("malformed_json"));
        }
    }

    @Nested
    @DisplayName("text fields")
    class Text {
        @ParameterizedTest(name = "{0} with \\{1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "merchantName|u0007|invalid_characters",
                    "merchantName|u0085|invalid_characters",
                    "merchantName|u2028|invalid_characters",
                    "merchantName|u2029|invalid_characters",
                    "merchantName|u202e|bidi_control",
                    "merchantName|u202a|bidi_control",
                    "merchantName|u2066|bidi_control",
                    "merchantName|u2069|bidi_control",
                    "merchantName|ud800|unpaired_surrogate",
                    "merchantName|udfff|unpaired_surrogate",
                    "description|u202e|bidi_control",
                    "description|ud800|unpaired_surrogate",
                    "description|u001b|invalid_characters",
                    "merchantCity|u202d|bidi_control",
                    "merchantCity|udc00|unpaired_surrogate",
                    "merchantCity|u2028|invalid_characters",
                    "storeLabel|u2067|bidi_control",
                    "storeLabel|ud83d|unpaired_surrogate",
                    "storeLabel|u009b|invalid_characters",
                    "terminalLabel|u2068|bidi_control",
                    "terminalLabel|ude00|unpaired_surrogate",
                    "terminalLabel|u0000|invalid_characters",
                    "merchantNameKhmer|u202b|bidi_control",
                    "merchantNameKhmer|ud800|unpaired_surrogate",
                    "merchantNameKhmer|u2029|invalid_characters",
                    "acquiringBank|u202c|bidi_control",
                    "returnUrl|u202e|bidi_control",
                })
        @DisplayName("a forbidden character is a 422 naming the field and the rule")
        void forbidden(String field, String escape, String code) {
            String value = "https://a.kh/x\\" + escape + "y";
            if (!field.equals("returnUrl")) value = "A\\" + escape + "B";
            String extra = field.equals("acquiringBank") ? ",\"merchantId\":\"M1\"" : "";
            invalid(create("\"amount\":1" + extra + ",\"" + field + "\":\"" + value + "\""), field, code);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "\\u200b",
                    "\\u200b\\u200c\\u200d",
                    "\\ufeff",
                    "\\u00ad",
                    "\\u2060",
                    "\\u3164",
                    "\\u00a0 \\u00a0",
                    "\\u17b4",
                    "\\ufe0f",
                    "\\u200e"
                })
        @DisplayName("a name of invisible characters only is 422 invisible_only")
        void invisible(String name) {
            invalid(
                    post("/khqr/create", "{\"amount\":1,\"bakongId\":\"s@aclb\",\"merchantName\":\"" + name + "\"}"),
                    "merchantName",
                    "invisible_only");
            invalid(create("\"amount\":1,\"storeLabel\":\"" + name + "\""), "storeLabel", "invisible_only");
        }

        @Test
        @DisplayName("a control character in the Idempotency-Key is 422 on the header")
        void idempotencyKey() {
            invalid(
                    assertTimeoutPreemptively(
                            BOUND,
                            () -> world.as(TestWorld.PRO)
                                    .header("Idempotency-Key", "order\t1")
                                    .body("{\"amount\":1,\"merchantName\":\"S\",\"bakongId\":\"s@aclb\"}")
                                    .post("/khqr/create")
                                    .then()),
                    "Idempotency-Key",
                    "invalid_characters");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "ហាងហ្វីន",
                    "ហាង\u200bកាហ្វេ",
                    "Pho 😀🍜",
                    "👩\u200d💻",
                    "Café Ñoño",
                    "Straße ÄÖÜ ÿ",
                    "¡Olé! ©®±"
                })
        @DisplayName(
                "Khmer, emoji and Latin-1 names: the simulator computes the md5 the API answered, and the payment settles")
        void md5Agreement(String name) {
            Map<String, Object> d = world.as(TestWorld.PRO)
                    .body(Map.of(
                            "amount",
                            1,
                            "merchantName",
                            name,
                            "merchantNameKhmer",
                            name,
                            "storeLabel",
                            name,
                            "bakongId",
                            "s@aclb"))
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data");
            String qr = (String) d.get("qrString");
            String md5 = (String) d.get("md5");
            assertThat(Khqr.decode(qr).merchantName()).isEqualTo(name);
            SimulatorControl bank = world.simulator.control();
            assertThat(bank.submitQr(qr)).isEqualTo(md5);
            bank.pay(qr);
            world.as(TestWorld.PRO)
                    .body("{\"md5\":\"" + md5 + "\"}")
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("SUCCESS"));
        }
    }
}
