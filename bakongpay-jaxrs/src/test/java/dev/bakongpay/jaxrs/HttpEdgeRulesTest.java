package dev.bakongpay.jaxrs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the API's HTTP edge rules")
class HttpEdgeRulesTest {
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    @DisplayName("successes and errors say Cache-Control: no-store; the public OpenAPI document keeps its own")
    void noStore() {
        world.as(TestWorld.PRO)
                .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/khqr/create")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
        world.as(TestWorld.PRO)
                .body("{}")
                .post("/khqr/create")
                .then()
                .statusCode(422)
                .header("Cache-Control", "no-store");
        world.anonymous()
                .contentType("application/json")
                .body("{}")
                .post("/check/md5")
                .then()
                .statusCode(401)
                .header("Cache-Control", "no-store");
        world.anonymous().get("/openapi.json").then().statusCode(200).header("Cache-Control", "no-store");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRACE", "PUT", "DELETE", "PATCH"})
    @DisplayName("a method no endpoint serves is 405 with Allow in the envelope, with no key needed")
    void unusedMethods(String method) {
        world.anonymous()
                .contentType("application/json")
                .body("{}")
                .request(method, "/check/md5")
                .then()
                .statusCode(405)
                .header("Allow", containsString("POST"))
                .header("Cache-Control", "no-store")
                .body("success", equalTo(false))
                .body("error.code", equalTo("method_not_allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2",
                "application/json;q=0.9, */*;q=0.1",
                "application/*",
                "*/*",
                ""
            })
    @DisplayName("a usual Accept header is served, old Java's default among them")
    void usualAccept(String accept) {
        world.as(TestWorld.PRO)
                .header("Accept", accept)
                .get("/openapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    @Test
    @DisplayName("an Accept header the runtime cannot parse is a 400 in the envelope, not an empty answer")
    void unparsableAccept() {
        world.as(TestWorld.PRO)
                .header("Accept", "application/json;q=abc")
                .body("{\"md5\":\"0123456789abcdef0123456789abcdef\"}")
                .post("/check/md5")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error.code", equalTo("bad_request"));
    }
}
