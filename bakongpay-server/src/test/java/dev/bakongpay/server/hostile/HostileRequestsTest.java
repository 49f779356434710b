package dev.bakongpay.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's hostile-input table: every line of {@code hostile/hostile-requests.tsv} is sent byte
 * for byte over a raw socket to the reference server running in this JVM, and its answer must have
 * an expected status, the error envelope under /api/v1 (with the expected code and field), no
 * stack trace or server name, no {@code Server} header, {@code Cache-Control: no-store} on the API,
 * no ERROR log line, and come within {@value #DEADLINE_MILLIS} ms. Afterwards the server still
 * creates, settles and checks a payment, and the payment made before the table is unchanged.
 * Every case's outcome is also written to {@code target/hostile-report.tsv}.
 */
@DisplayName("hostile requests against the reference server")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {
    static final long DEADLINE_MILLIS = 3_000;
    static final String TABLE = "/hostile/hostile-requests.tsv";

    HostileServer server;
    LogTap log;
    final Map<Integer, String> report = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        log = LogTap.install();
        server = HostileServer.start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            writeReport();
        } finally {
            if (server != null) server.close();
            if (log != null) log.close();
        }
    }

    @Test
    @Order(0)
    @DisplayName("the table holds at least 200 cases, with unique names")
    void tableSize() throws IOException {
        List<HostileCase> cases = HostileCase.load(TABLE);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases.stream().map(HostileCase::name).distinct().count()).isEqualTo(cases.size());
    }

    @TestFactory
    @Order(1)
    @DisplayName("each hostile request")
    Stream<DynamicTest> table() throws IOException {
        return HostileCase.load(TABLE).stream()
                .map(c -> DynamicTest.dynamicTest(c.line() + " " + c.name(), () -> run(c)));
    }

    @Test
    @Order(2)
    @DisplayName(
            "afterwards: the payment made before the table is unchanged, and a new one is created, paid and checked")
    void stillWorks() throws Exception {
        JsonNode before = server.post(
                        "/api/v1/check/transaction",
                        HostileServer.PRO_KEY,
                        "{\"query\":\"" + server.transactionId + "\"}")
                .path("data");
        assertThat(before.path("md5").asText()).isEqualTo(server.md5);
        assertThat(before.path("qrString").asText()).isEqualTo(server.qrString);
        assertThat(before.path("amount").decimalValue()).isEqualByComparingTo("1.50");
        JsonNode check = server.post("/api/v1/check/md5", HostileServer.PRO_KEY, "{\"md5\":\"" + server.md5 + "\"}");
        assertThat(check.path("data").path("status").asText())
                .as(check.toString())
                .isEqualTo("PENDING");

        JsonNode created = server.post(
                        "/api/v1/khqr/create",
                        HostileServer.PRO_KEY,
                        "{\"amount\":2.25,\"merchantName\":\"After Table\",\"bakongId\":\"after@aclb\"}")
                .path("data");
        String md5 = created.path("md5").asText();
        assertThat(md5).hasSize(32);
        server.simulator.pay(created.path("qrString").asText());
        Awaitility.await("the payment made after the table is SUCCESS")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(
                                server.post("/api/v1/check/md5", HostileServer.PRO_KEY, "{\"md5\":\"" + md5 + "\"}")
                                        .path("data")
                                        .path("status")
                                        .asText())
                        .isEqualTo("SUCCESS"));
        JsonNode bulk = server.post(
                        "/api/v1/check/bulk",
                        HostileServer.PRO_KEY,
                        "{\"md5s\":[\"" + md5 + "\",\"" + server.md5 + "\"]}")
                .path("data");
        assertThat(bulk.path("total").asInt()).isEqualTo(2);
        assertThat(bulk.path("results").path(md5).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(bulk.path("results").path(server.md5).path("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    @Order(3)
    @DisplayName(
            "a 401 on a keep-alive connection either says Connection: close or leaves the connection usable (50 times)")
    void unauthorizedKeepAlive() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String firstBody = "{\"md5\":\"" + "0".repeat(32) + "\"}";
            String first =
                    "POST /api/v1/check/md5 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer bk_test_unknownkey" + i
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + firstBody.length()
                            + "\r\n\r\n";
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port)) {
                s.setSoTimeout((int) DEADLINE_MILLIS);
                s.setTcpNoDelay(true);
                s.getOutputStream().write(first.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                // every other time the body follows a moment after the headers, as from a client that streams it:
                // the 401 may then be written before the body has arrived
                if (i % 2 == 0) Thread.sleep(30);
                try {
                    s.getOutputStream().write(firstBody.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                } catch (java.net.SocketException e) {
                    // the server already closed; whether it said so is checked below
                }
                var in = new java.io.BufferedInputStream(s.getInputStream());
                String head = readHead(in);
                if (!head.startsWith("HTTP/1.1 401")) {
                    problems.add("#" + i + " first answer: "
                            + head.lines().findFirst().orElse(""));
                    continue;
                }
                int length = Integer.parseInt(headerValue(head, "Content-Length", "0"));
                in.readNBytes(length);
                if (headerValue(head, "Connection", "").toLowerCase(Locale.ROOT).contains("close")) continue;
                Thread.sleep(20); // a close that follows the 401 has happened by now
                String body = "{\"md5\":\"" + server.md5 + "\"}";
                String second = "POST /api/v1/check/md5 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + HostileServer.PRO_KEY + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body;
                String head2;
                try {
                    s.getOutputStream().write(second.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    head2 = readHead(in);
                } catch (java.net.SocketException e) {
                    head2 = "";
                }
                if (!head2.startsWith("HTTP/1.1 200")) {
                    problems.add("#" + i + " no Connection: close on the 401, and the next request on it got: "
                            + (head2.isEmpty()
                                    ? "a closed connection"
                                    : head2.lines().findFirst().orElse("")));
                }
            } catch (java.net.SocketTimeoutException e) {
                problems.add("#" + i + " timed out");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        try {
            while ((c = in.read()) >= 0) {
                sb.append((char) c);
                if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) break;
            }
        } catch (java.net.SocketException e) {
            // reset: an empty head
        }
        return sb.toString();
    }

    private static String headerValue(String head, String name, String otherwise) {
        return head.lines()
                .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).trim())
                .findFirst()
                .orElse(otherwise);
    }

    private byte[] macro(String name) {
        String v = switch (name) {
            case "host" -> "127.0.0.1:" + server.port;
            case "pro" -> HostileServer.PRO_KEY;
            case "free" -> HostileServer.FREE_KEY;
            case "md5" -> server.md5;
            case "MD5" -> server.md5.toUpperCase(Locale.ROOT);
            case "txid" -> server.transactionId;
            case "TXID" -> server.transactionId.toUpperCase(Locale.ROOT);
            case "qr" -> server.qrString;
            // the same KHQR with a CRC that does not match
            case "qrbadcrc" ->
                server.qrString.substring(0, server.qrString.length() - 4)
                        + (server.qrString.endsWith("0000") ? "FFFF" : "0000");
            // the CRC cut to three digits (…6304 followed by three characters)
            case "qrcrc3" -> server.qrString.substring(0, server.qrString.length() - 1);
            case "qrlower" ->
                server.qrString.substring(0, server.qrString.length() - 4)
                        + server.qrString
                                .substring(server.qrString.length() - 4)
                                .toLowerCase(Locale.ROOT);
            default -> null;
        };
        return v == null ? null : v.getBytes(StandardCharsets.UTF_8);
    }

    private void run(HostileCase c) throws Exception {
        byte[] request = c.bytes(this::macro);
        int mark = log.mark();
        RawHttp.Answer a = RawHttp.send(server.port, request, c.ending(), DEADLINE_MILLIS, c.head());
        if (c.expect() != HostileCase.Expect.ANSWER)
            Thread.sleep(300); // what a cut-off request logs comes after the close
        List<String> problems = new ArrayList<>(judge(c, a));
        for (String e : log.errorsSince(mark)) problems.add("ERROR logged: " + e);
        String outcome = (a.answered() ? String.valueOf(a.status()) : a.timedOut() ? "timeout" : "closed") + "\t"
                + a.millis() + "ms";
        report.put(
                c.line(),
                c.line() + "\t" + c.name() + "\t" + outcome + "\t" + (problems.isEmpty() ? "ok" : "FAIL") + "\t"
                        + String.join(" ;; ", problems));
        assertThat(problems)
                .as("%s (line %d): got %s", c.name(), c.line(), outcome)
                .isEmpty();
    }

    static List<String> judge(HostileCase c, RawHttp.Answer a) {
        List<String> problems = new ArrayList<>();
        if (a.timedOut()) {
            problems.add("no answer within " + DEADLINE_MILLIS + " ms");
            return problems;
        }
        switch (c.expect()) {
            case NONE -> {
                return problems;
            }
            case ABORT -> {
                if (!a.answered()) return problems;
                if (a.status() < 400 || a.status() >= 500)
                    problems.add("status " + a.status() + " to a cut-off request, not a 4xx");
            }
            case ANSWER -> {
                if (!a.answered()) {
                    problems.add("the server closed the connection without an answer");
                    return problems;
                }
                if (!c.statuses().contains(a.status()))
                    problems.add("status " + a.status() + ", expected " + c.statuses());
            }
        }
        if (a.millis() > DEADLINE_MILLIS) problems.add("answered after " + a.millis() + " ms");
        problems.addAll(AnswerRules.noLeaks(a, c.api()));
        if (a.status() >= 500
                && c.expect() == HostileCase.Expect.ANSWER
                && !c.statuses().contains(a.status())) {
            problems.add("a " + a.status() + " to client input");
        }
        if (c.api() && a.status() >= 200 && a.status() < 300) {
            if (c.method().equals("POST")) problems.addAll(AnswerRules.success(a));
            if (c.method().equals("OPTIONS") && a.header("Allow").isEmpty())
                problems.add("OPTIONS answered without an Allow header");
        } else if (c.api() && a.status() >= 300 && !c.head()) {
            List<String> envelope = AnswerRules.envelope(a);
            problems.addAll(envelope);
            if (envelope.isEmpty()) {
                String code = AnswerRules.code(a);
                if (!c.codes().isEmpty() && !c.codes().contains(code))
                    problems.add("error.code '" + code + "', expected " + c.codes());
                if (c.field() != null && !AnswerRules.fields(a).contains(c.field())) {
                    problems.add("details name " + AnswerRules.fields(a) + ", not '" + c.field() + "'");
                }
                if (a.status() == 405 && a.header("Allow").isEmpty()) problems.add("405 without an Allow header");
            }
        }
        return problems;
    }

    private void writeReport() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) return;
        List<String> lines = new ArrayList<>();
        lines.add("line\tname\tstatus\ttime\tresult\tproblems");
        report.keySet().stream().sorted().forEach(k -> lines.add(report.get(k)));
        Files.write(target.resolve("hostile-report.tsv"), lines, StandardCharsets.UTF_8);
    }
}
