package dev.bakongpay.simulator;

import static io.restassured.RestAssured.given;

import dev.bakongpay.testsupport.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class on a free port, on a clock the tests move; reset before each test. */
abstract class SimulatorTestBase {

    static final String TOKEN = "test-token";
    static final Instant START = Instant.parse("2026-11-28T09:00:00Z");

    static MutableClock clock;
    static BakongSimulator simulator;
    static SimulatorControl control;

    @BeforeAll
    static void startSimulator() {
        clock = new MutableClock(START);
        simulator = BakongSimulator.builder()
                .port(0)
                .token(TOKEN)
                .clock(clock)
                .build()
                .start();
        control = simulator.control();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void freshState() {
        control.reset();
    }

    /** An Open API call with the fixed token. */
    static RequestSpecification nbc() {
        return given().baseUri(simulator.baseUrl().toString())
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** A call without any token. */
    static RequestSpecification anonymous() {
        return given().baseUri(simulator.baseUrl().toString()).contentType(ContentType.JSON);
    }

    static String freshQr() {
        return TestQrs.coffee(clock.instant());
    }
}
