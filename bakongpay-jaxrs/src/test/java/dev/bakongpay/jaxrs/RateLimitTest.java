package dev.bakongpay.jaxrs;

import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("rate limits per plan")
class RateLimitTest {
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(Map.of(Plan.FREE, RateLimit.perMinute(3)), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    @DisplayName("over the limit is 429 with Retry-After and the RateLimit headers; the bucket refills with time")
    void overLimit() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            world.as(TestWorld.FREE)
                    .body("{}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(422)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        world.as(TestWorld.FREE)
                .body("{}")
                .post("/khqr/create")
                .then()
                .statusCode(429)
                .body("success", equalTo(false))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .header("Retry-After", "20")
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", "60");
        world.as(TestWorld.PRO)
                .body("{}")
                .post("/khqr/create")
                .then()
                .statusCode(422)
                .header("RateLimit-Limit", "600");
        world.clock.advance(Duration.ofSeconds(20));
        world.as(TestWorld.FREE).body("{}").post("/khqr/create").then().statusCode(422);
    }
}
