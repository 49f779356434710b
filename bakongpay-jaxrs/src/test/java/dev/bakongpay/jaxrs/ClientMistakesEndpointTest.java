package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One request for each kind of client mistake, on whichever JAX-RS runtime this run uses (see
 * {@link ApiServer}): each is answered in the envelope, with its own status and code, the request
 * id and no-store, and nothing is logged as an error. Runtimes log through java.util.logging
 * (RESTEasy through JBoss Logging's JDK backend), which is where a runtime's own mapper would
 * report a bad body.
 */
@DisplayName("client mistakes on the JAX-RS runtime")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMistakesEndpointTest {
    private static final String MD5 = "{\"md5\":\"0123456789abcdef0123456789abcdef\"}";
    private static final String CREATE =
            "{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}";

    TestWorld world;
    final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    void start() {
        world = new TestWorld();
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterAll
    void stop() throws Exception {
        Logger.getLogger("").removeHandler(errorLog);
        world.close();
    }

    Stream<Arguments> mistakes() {
        return Stream.of(
                mistake(
                        "broken JSON",
                        400,
                        "malformed_json",
                        w -> w.as(TestWorld.PRO).body("{\"amount\": 25,").post("/khqr/create")),
                mistake(
                        "broken JSON for a QR image",
                        400,
                        "malformed_json",
                        w -> w.as(TestWorld.PRO).body("{\"qrString\":").post("/qr/generate")),
                mistake(
                        "a value after the body",
                        400,
                        "malformed_json",
                        w -> w.as(TestWorld.PRO).body(MD5 + " {}").post("/check/md5")),
                mistake(
                        "a string for a number",
                        422,
                        "validation_failed",
                        w -> w.as(TestWorld.PRO)
                                .body(CREATE.replace("1.50", "\"1.50\""))
                                .post("/khqr/create")),
                mistake(
                        "an array for the body",
                        422,
                        "validation_failed",
                        w -> w.as(TestWorld.PRO).body("[1,2]").post("/khqr/create")),
                mistake(
                        "a field given twice",
                        422,
                        "validation_failed",
                        w -> w.as(TestWorld.PRO)
                                .body(MD5.replace("}", ",\"md5\":\"x\"}"))
                                .post("/check/md5")),
                mistake(
                        "an amount out of range",
                        422,
                        "validation_failed",
                        w -> w.as(TestWorld.PRO)
                                .body(CREATE.replace("1.50", "-3"))
                                .post("/khqr/create")),
                mistake(
                        "no API key",
                        401,
                        "missing_api_key",
                        w -> w.anonymous()
                                .contentType("application/json")
                                .body(MD5)
                                .post("/check/md5")),
                mistake(
                        "an unknown API key",
                        401,
                        "invalid_api_key",
                        w -> w.as("bk_test_unknown_key_0099").body(MD5).post("/check/md5")),
                mistake(
                        "the Free plan on a Pro endpoint",
                        403,
                        "plan_upgrade_required",
                        w -> w.as(TestWorld.FREE)
                                .body("{\"md5s\":[\"" + "a".repeat(32) + "\"]}")
                                .post("/check/bulk")),
                mistake(
                        "an unknown path",
                        404,
                        "not_found",
                        w -> w.as(TestWorld.PRO).get("/nothing")),
                mistake(
                        "an unknown payment",
                        404,
                        "transaction_not_found",
                        w -> w.as(TestWorld.PRO).body(MD5).post("/check/md5")),
                mistake(
                        "a method the path does not serve",
                        405,
                        "method_not_allowed",
                        w -> w.as(TestWorld.PRO).body(MD5).put("/check/md5")),
                mistake(
                        "an Accept the endpoint cannot answer",
                        406,
                        "not_acceptable",
                        w -> w.as(TestWorld.PRO).accept("text/csv").body(MD5).post("/check/md5")),
                mistake(
                        "a body over the limit",
                        413,
                        "payload_too_large",
                        w -> w.as(TestWorld.PRO)
                                .body("{\"description\":\"" + "x".repeat(70_000) + "\"}")
                                .post("/khqr/create")),
                mistake(
                        "a body that is not JSON",
                        415,
                        "unsupported_media_type",
                        w -> w.as(TestWorld.PRO)
                                .contentType("text/plain")
                                .body("amount=5")
                                .post("/khqr/create")),
                mistake(
                        "an Accept with a q that is no number",
                        400,
                        "bad_request",
                        w -> w.as(TestWorld.PRO)
                                .header("Accept", "application/json;q=high")
                                .body(MD5)
                                .post("/check/md5")),
                mistake(
                        "an Accept header that does not parse",
                        400,
                        "bad_request",
                        w -> w.as(TestWorld.PRO)
                                .header("Accept", "application/json;q=abc")
                                .body(MD5)
                                .post("/check/md5")));
    }

    private static Arguments mistake(String name, int status, String code, Function<TestWorld, Response> request) {
        return Arguments.of(name, status, code, request);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("mistakes")
    @DisplayName("is answered in the envelope with its own status and code, and logged as no error")
    void answered(String name, int status, String code, Function<TestWorld, Response> request) {
        errors.clear();
        request.apply(world)
                .then()
                .statusCode(status)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .header("X-Request-Id", notNullValue())
                .header("Cache-Control", "no-store");
        assertThat(errors)
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage())
                .isEmpty();
    }
}
