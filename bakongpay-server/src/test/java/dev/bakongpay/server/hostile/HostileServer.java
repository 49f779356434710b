package dev.bakongpay.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.server.EmbeddedJetty;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;

/**
 * The reference server as {@code serve} runs it, in this JVM: embedded Jetty on a free loopback
 * port, the embedded H2 file store in a temporary directory, the embedded Bakong simulator for
 * test keys, one PRO and one FREE test key, rate limits high enough for a few thousand requests,
 * and one payment created through the API before any hostile request is sent.
 */
final class HostileServer implements AutoCloseable {
    static final String PRO_KEY = "bk_test_hostilepro000000000001";
    static final String FREE_KEY = "bk_test_hostilefree00000000001";
    static final String VALID_CREATE =
            "{\"amount\":1.50,\"currency\":\"USD\",\"merchantName\":\"Coffee Corner\",\"bakongId\":\"coffee@aclb\",\"description\":\"Order 1\"}";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final ServerRuntime runtime;
    final EmbeddedJetty jetty;
    final int port;
    final SimulatorControl simulator;
    /** The payment created before the hostile requests: its md5, transaction id and KHQR. */
    final String md5;

    final String transactionId;
    final String qrString;

    private HostileServer(Path dataDir, ServerRuntime runtime, EmbeddedJetty jetty) throws IOException {
        this.dataDir = dataDir;
        this.runtime = runtime;
        this.jetty = jetty;
        this.port = jetty.port();
        this.simulator = SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());
        JsonNode created = post("/api/v1/khqr/create", PRO_KEY, VALID_CREATE).path("data");
        this.md5 = created.path("md5").asText();
        this.transactionId = created.path("transactionId").asText();
        this.qrString = created.path("qrString").asText();
        if (md5.length() != 32 || qrString.isEmpty())
            throw new IllegalStateException("the setup create failed: " + created);
    }

    static HostileServer start() throws Exception {
        Path dir = Files.createTempDirectory("bakongpay-hostile");
        Map<String, String> env = Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONG_SIMULATOR_PORT",
                "0",
                "BAKONGPAY_DATA_DIR",
                dir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED",
                "true",
                "BAKONGPAY_API_KEYS",
                PRO_KEY + "=PRO," + FREE_KEY + "=FREE",
                "BAKONGPAY_RATE_LIMITS",
                "FREE=1000000/m,PRO=1000000/m,ENTERPRISE=1000000/m",
                "BAKONGPAY_RECONCILE_SECONDS",
                "0");
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        ServerRuntime runtime = ServerRuntime.open(settings, Clock.systemUTC());
        EmbeddedJetty jetty;
        try {
            jetty = EmbeddedJetty.start(runtime);
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        return new HostileServer(dir, runtime, jetty);
    }

    /** A well-formed JSON POST; returns the parsed answer (whatever its status). */
    JsonNode post(String path, String key, String body) throws IOException {
        RawHttp.Answer a = RawHttp.send(port, request("POST", path, key, body), RawHttp.Ending.READ, 10_000, false);
        if (!a.answered()) throw new IOException("no answer to POST " + path);
        return JSON.readTree(a.body());
    }

    RawHttp.Answer postRaw(String path, String key, byte[] body, long deadlineMillis) {
        return RawHttp.send(port, request("POST", path, key, body), RawHttp.Ending.READ, deadlineMillis, false);
    }

    byte[] request(String method, String path, String key, String body) {
        return request(method, path, key, body.getBytes(StandardCharsets.UTF_8));
    }

    byte[] request(String method, String path, String key, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.close();
        } finally {
            runtime.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
