package dev.bakongpay.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreBoundedAndLoopbackOnly() {
        LoadOptions options = LoadOptions.parse("--url", "http://localhost:8080", "--key", "bk_test_x");

        assertThat(options.scenario()).isEqualTo(Scenario.CHECK);
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.maxRequests()).isPositive();
        assertThat(options.maxErrors()).isPositive();
        assertThat(options.client()).isEqualTo(LoadOptions.ClientKind.SOCKET);
    }

    @Test
    void refusesRemoteHostsUnlessAllowed() {
        // 192.0.2.1 is TEST-NET-1: documentation only, never resolved or contacted here
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://192.0.2.1:8080", "--key", "bk_test_x"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> LoadOptions.parse(
                        "--url",
                        "http://127.0.0.1:8080",
                        "--key",
                        "bk_test_x",
                        "--check-final",
                        "--simulator",
                        "http://192.0.2.1:9090"))
                .hasMessageContaining("--simulator");
        assertThat(LoadOptions.parse("--url", "http://192.0.2.1:8080", "--key", "bk_test_x", "--allow-remote")
                        .allowRemote())
                .isTrue();
        assertThat(LoadOptions.parse("--url", "http://[::1]:8080", "--key", "bk_test_x")
                        .url()
                        .getPort())
                .isEqualTo(8080);
    }

    @Test
    void parsesDurationsAndRefusesUnboundedRuns() {
        LoadOptions options = LoadOptions.parse(
                "--url",
                "http://127.0.0.1:1",
                "--key",
                "k",
                "--duration",
                "2m",
                "--warmup",
                "500ms",
                "--timeout",
                "1.5s");
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(1500));

        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--duration", "61m"))
                .hasMessageContaining("at most 1h");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--duration", "0s"))
                .hasMessageContaining("more than 0");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--max-requests", "0"))
                .hasMessageContaining("between 1");
    }

    @Test
    void rawScenarioDefaultsToACheckSizedBodyOnTheCheckPath() {
        LoadOptions options = LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--scenario", "raw");
        assertThat(options.scenario()).isEqualTo(Scenario.RAW);
        assertThat(options.rawPath()).isEqualTo("/api/v1/check/md5");
        assertThat(options.rawBody()).isEqualTo(LoadOptions.RawBody.CHECK);

        LoadOptions create = LoadOptions.parse(
                "--url",
                "http://127.0.0.1:1",
                "--key",
                "k",
                "--scenario",
                "raw",
                "--path",
                "/x?y=1",
                "--raw-body",
                "create",
                "--pool",
                "1");
        assertThat(create.rawPath()).isEqualTo("/x?y=1");
        assertThat(create.rawBody()).isEqualTo(LoadOptions.RawBody.CREATE);

        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--path", "x"))
                .hasMessageContaining("--path must start with /");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--path", "/a b"))
                .hasMessageContaining("--path");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--raw-body", "big"))
                .hasMessageContaining("check or create");
    }

    @Test
    void refusesMissingOrMalformedInput() {
        assertThatThrownBy(() -> LoadOptions.parse("--key", "k")).hasMessageContaining("--url is required");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1"))
                .hasMessageContaining("--key");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "https://127.0.0.1:1", "--key", "k"))
                .hasMessageContaining("only http://");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--scenario", "x"))
                .hasMessageContaining("create, check, bulk, mixed or raw");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--bakong-id", "a\"b"))
                .hasMessageContaining("name@bank");
        assertThatThrownBy(() -> LoadOptions.parse("--url", "http://127.0.0.1:1", "--key", "k", "--pool", "10"))
                .hasMessageContaining("at least 50");
    }
}
