package dev.bakongpay.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14's property: whatever JSON-ish body an endpoint receives, the answer is never a 500,
 * is either {@code {"success":true,"data":…}} or the error envelope, carries no stack trace or
 * server name, and comes within {@value #DEADLINE_MILLIS} ms. Bodies start from a valid request and
 * are mutated at random: bytes flipped, inserted, deleted, cut; values swapped for other JSON types,
 * for extreme numbers (exponents, 2^63, 5,000 digits, NaN) or for text with lone surrogates, bidi
 * controls, line separators and invalid UTF-8; fields dropped, duplicated or added. Seeded: a
 * failure names its endpoint, seed and run, and replays the same way.
 */
@DisplayName("random and mutated JSON bodies on every endpoint")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesPropertyTest {
    static final int RUNS = 500;
    static final long DEADLINE_MILLIS = 3_000;
    /** A run stops after this many failures, so a slow input is not sent hundreds of times. */
    static final int MAX_FAILURES = 3;

    static final List<String> EXTREME_NUMBERS = List.of(
            "1e20000000",
            "1e999999999",
            "-1e999999999",
            "1e-999999999",
            "1E+2000000",
            "1e-400",
            "-0",
            "-0.0",
            "0",
            "9223372036854775808",
            "-9223372036854775809",
            "1099511627776",
            "2147483648",
            "-2147483649",
            "9".repeat(5000),
            "0." + "0".repeat(5000) + "1",
            "NaN",
            "Infinity",
            "-Infinity",
            "1e30",
            "1e100000",
            "9.989999999",
            "1e-7",
            "0.001",
            "1.5",
            "300",
            "900",
            "1e2",
            "12345678901.99",
            "-1",
            "1e2147483648");
    static final List<String> ODD_TEXT = List.of(
            "\\ud800",
            "\\udfff",
            "\\udbff\\udbff",
            "\\u202e",
            "\\u2066",
            "\\u2069",
            "\\u2028",
            "\\u2029",
            "\\u0000",
            "\\u0001",
            "\\u001f",
            "\\u007f",
            "\\u0085",
            "\\u009b",
            "\\u200b",
            "\\ufeff",
            "\\u00ad",
            "\\u00a0",
            "\\ud83d\\ude00",
            "\\u1780\\u17d2",
            "\\\"",
            "\\\\",
            "\\n",
            "\\t",
            "\u202e",
            "\u2028",
            "\u200b",
            "\u00e9",
            "\u1780",
            "'; --",
            "<script>",
            "%00",
            "${jndi:x}");
    static final byte[][] ODD_BYTES = {
        {(byte) 0xC3, 0x28},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0x80},
        {(byte) 0xFF},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {0},
        {'\n'},
        {'\r'},
        {'\t'}
    };
    static final String INTERESTING = "{}[]\",:\\0123456789eE+-.ntfaluNI \u0000";

    HostileServer server;

    @BeforeAll
    void start() throws Exception {
        server = HostileServer.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
    }

    Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/api/v1/khqr/create", 14_001L),
                Arguments.of("/api/v1/check/md5", 14_002L),
                Arguments.of("/api/v1/check/bulk", 14_003L),
                Arguments.of("/api/v1/check/transaction", 14_004L),
                Arguments.of("/api/v1/qr/generate", 14_005L));
    }

    /** A valid body for the endpoint, as an ordered map of field name to raw JSON text. */
    private Map<String, String> valid(String path) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (path) {
            case "/api/v1/khqr/create" -> {
                m.put("amount", "1.50");
                m.put("currency", "\"USD\"");
                m.put("merchantName", "\"Coffee Corner\"");
                m.put("bakongId", "\"coffee@aclb\"");
                m.put("description", "\"Order 1\"");
                m.put("expiresInSeconds", "900");
                m.put("merchantCity", "\"Phnom Penh\"");
                m.put("storeLabel", "\"Store 1\"");
                m.put("terminalLabel", "\"T1\"");
                m.put("merchantNameKhmer", "\"\u17a0\u17b6\u1784\"");
                m.put("mobileNumber", "\"012345678\"");
                m.put("returnUrl", "\"https://shop.example/done\"");
            }
            case "/api/v1/check/md5" -> m.put("md5", "\"" + server.md5 + "\"");
            case "/api/v1/check/bulk" -> m.put("md5s", "[\"" + server.md5 + "\",\"" + "0".repeat(32) + "\"]");
            case "/api/v1/check/transaction" -> {
                m.put("query", "\"" + server.transactionId + "\"");
                m.put("type", "\"transactionId\"");
            }
            case "/api/v1/qr/generate" -> {
                m.put("qrString", "\"" + server.qrString + "\"");
                m.put("size", "300");
                m.put("foreground", "\"#000000\"");
                m.put("background", "\"#ffffff\"");
                m.put("format", "\"png\"");
            }
            default -> throw new IllegalArgumentException(path);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("endpoints")
    @DisplayName("never a 500, always the envelope or a success, always within 3 s")
    void mutatedBodies(String path, long seed) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < RUNS && failures.size() < MAX_FAILURES; run++) {
            byte[] body = mutate(valid(path), random);
            RawHttp.Answer a = server.postRaw(path, HostileServer.PRO_KEY, body, DEADLINE_MILLIS);
            List<String> problems = new ArrayList<>();
            if (a.timedOut()) problems.add("no answer within " + DEADLINE_MILLIS + " ms");
            else if (!a.answered()) problems.add("connection closed without an answer");
            else {
                if (a.status() >= 500) problems.add("status " + a.status());
                if (a.millis() > DEADLINE_MILLIS) problems.add("answered after " + a.millis() + " ms");
                problems.addAll(a.status() < 300 ? AnswerRules.success(a) : AnswerRules.envelope(a));
                problems.addAll(AnswerRules.bodyLeaks(a));
            }
            if (!problems.isEmpty()) {
                failures.add("seed " + seed + " run " + run + " (" + body.length + " bytes: " + printable(body)
                        + ") -> " + (a.answered() ? a.status() + " " + AnswerRules.snippet(a.text()) : "") + " "
                        + problems);
            }
        }
        assertThat(failures).as("%s with seed %d", path, seed).isEmpty();
    }

    private static byte[] mutate(Map<String, String> fields, Random r) {
        int kind = r.nextInt(10);
        if (kind < 6) { // change values, then maybe bytes
            int changes = r.nextInt(3) == 0 ? 2 + r.nextInt(2) : 1; // mostly one: several errors hide each other
            List<String> names = new ArrayList<>(fields.keySet());
            List<String> numeric = names.stream()
                    .filter(n -> Character.isDigit(fields.get(n).charAt(0)))
                    .toList();
            for (int i = 0; i < changes; i++) {
                // numbers are where one small request once cost minutes of CPU: they get every other change
                String name = !numeric.isEmpty() && r.nextBoolean()
                        ? numeric.get(r.nextInt(numeric.size()))
                        : names.get(r.nextInt(names.size()));
                fields.put(name, value(fields.get(name), r));
            }
            if (r.nextInt(6) == 0) fields.remove(names.get(r.nextInt(names.size())));
            if (r.nextInt(6) == 0) fields.put("extra" + r.nextInt(3), value("\"x\"", r));
        }
        String json = render(fields, r);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (kind >= 6 || r.nextInt(8) == 0) bytes = bytesMutation(bytes, r, 1 + r.nextInt(4));
        return bytes;
    }

    private static String render(Map<String, String> fields, Random r) {
        StringBuilder sb = new StringBuilder("{");
        List<Map.Entry<String, String>> entries = new ArrayList<>(fields.entrySet());
        if (!entries.isEmpty() && r.nextInt(12) == 0)
            entries.add(entries.get(r.nextInt(entries.size()))); // a duplicate key
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"')
                    .append(entries.get(i).getKey())
                    .append("\":")
                    .append(entries.get(i).getValue());
        }
        return sb.append('}').toString();
    }

    /** Another value for a field: a different JSON type, an extreme number, odd text, something huge or deep. */
    private static String value(String current, Random r) {
        return switch (r.nextInt(12)) {
            case 0, 1, 2 -> EXTREME_NUMBERS.get(r.nextInt(EXTREME_NUMBERS.size()));
            case 3 -> "\"" + EXTREME_NUMBERS.get(r.nextInt(EXTREME_NUMBERS.size())) + "\"";
            case 4 ->
                List.of("true", "false", "null", "[]", "{}", "[1]", "{\"a\":1}", "\"\"", "[null]", "[[[]]]")
                        .get(r.nextInt(10));
            case 5, 6 -> insertText(current, ODD_TEXT.get(r.nextInt(ODD_TEXT.size())), r);
            case 7 -> "\"" + "a".repeat(r.nextInt(70_000)) + "\"";
            case 8 -> {
                int depth = 1 + r.nextInt(3000);
                yield "[".repeat(depth) + "1" + "]".repeat(r.nextInt(4) == 0 ? depth - 1 : depth);
            }
            case 9 ->
                "["
                        + String.join(
                                ",",
                                java.util.Collections.nCopies(
                                        r.nextInt(Math.max(2, Math.min(3000, 100_000 / (current.length() + 1)))),
                                        current))
                        + "]";
            case 10 ->
                current.startsWith("\"")
                        ? current.substring(1, Math.max(1, current.length() - 1))
                        : "\"" + current + "\"";
            default -> current + current;
        };
    }

    private static String insertText(String current, String odd, Random r) {
        if (!current.startsWith("\"") || current.length() < 2) return "\"" + odd + "\"";
        int at = 1 + r.nextInt(current.length() - 1);
        return current.substring(0, at) + odd + current.substring(at);
    }

    private static byte[] bytesMutation(byte[] in, Random r, int times) {
        byte[] b = in;
        for (int t = 0; t < times && b.length > 0; t++) {
            int at = r.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 8);
            switch (r.nextInt(6)) {
                case 0 -> { // flip a bit
                    b = b.clone();
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    continue;
                }
                case 1 -> { // insert an interesting character
                    out.write(b, 0, at);
                    out.writeBytes(String.valueOf(INTERESTING.charAt(r.nextInt(INTERESTING.length())))
                            .getBytes(StandardCharsets.UTF_8));
                    out.write(b, at, b.length - at);
                }
                case 2 -> { // insert odd bytes
                    out.write(b, 0, at);
                    out.writeBytes(ODD_BYTES[r.nextInt(ODD_BYTES.length)]);
                    out.write(b, at, b.length - at);
                }
                case 3 -> { // delete a run
                    int n = 1 + r.nextInt(Math.min(8, b.length - at));
                    out.write(b, 0, at);
                    out.write(b, at + n, b.length - at - n);
                }
                case 4 -> out.write(b, 0, at); // cut
                default -> { // a random byte
                    b = b.clone();
                    b[at] = (byte) r.nextInt(256);
                    continue;
                }
            }
            b = out.toByteArray();
        }
        return b;
    }

    private static String printable(byte[] body) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length && sb.length() < 300; i++) {
            int c = body[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) sb.append((char) c);
            else sb.append(String.format("\\x%02X", c));
        }
        return body.length > 300 ? sb + "…" : sb.toString();
    }
}
