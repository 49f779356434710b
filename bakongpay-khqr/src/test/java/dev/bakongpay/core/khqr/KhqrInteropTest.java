package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our codec against NBC's official SDK itself (npm bakong-khqr 1.0.20, pinned in
 * src/test/node/package-lock.json), run under the machine's node. Without node or npm the test
 * is skipped, except under CI=true, where that is a failure.
 */
@DisplayName("interop with NBC's official SDK (bakong-khqr 1.0.20 under node)")
class KhqrInteropTest {

    static final int N = 250;
    static final Path NODE_DIR = Paths.get("src/test/node").toAbsolutePath();

    static JsonNode sdk;
    static List<ObjectNode> ours = new ArrayList<>();
    static List<String> ourQrs = new ArrayList<>();
    static List<ObjectNode> theirs = new ArrayList<>();
    static List<String> corrupted = new ArrayList<>();
    static final long VERDICT_NOW = RandomPayloads.BASE_MILLIS;

    @BeforeAll
    static void runSdk(@TempDir Path tmp) throws Exception {
        prepareNode();
        ObjectNode job = Vectors.JSON.createObjectNode();
        ArrayNode verify = job.putArray("verify");
        Random r = new Random(20261128L);
        for (int i = 0; i < N; i++) {
            ObjectNode in = RandomPayloads.next(r);
            String qr = Khqr.encode(RandomPayloads.payload(in), Vectors.clockAt(RandomPayloads.now(in)))
                    .qr();
            ours.add(in);
            ourQrs.add(qr);
            verify.addObject().put("qr", qr).put("now", RandomPayloads.now(in));
        }
        ArrayNode generate = job.putArray("generate");
        for (int i = 0; i < N; i++) {
            ObjectNode in = RandomPayloads.next(r);
            theirs.add(in);
            generate.addObject()
                    .put("creationTimestamp", RandomPayloads.now(in))
                    .set("input", in);
        }
        ArrayNode verdicts = job.putArray("verdicts");
        while (corrupted.size() < 10_000) {
            ObjectNode base = RandomPayloads.next(r);
            String qr = Khqr.encode(RandomPayloads.payload(base), Vectors.clockAt(RandomPayloads.now(base)))
                    .qr();
            String bad = KhqrPropertiesTest.Corruptions.apply(qr, r);
            KhqrError error = Khqr.verify(bad, Vectors.clockAt(VERDICT_NOW)).error();
            if (error != null
                    && error.code() == 8
                    && !error.field().equals("crc")
                    && !error.field().equals("qr")) {
                continue; // where our verify says the SDK would loop forever: it must not reach node
            }
            corrupted.add(bad);
            verdicts.addObject().put("qr", bad).put("now", VERDICT_NOW);
        }
        Path in = tmp.resolve("in.json");
        Path out = tmp.resolve("out.json");
        // Escaped to ASCII: corrupted strings may hold lone surrogates, which UTF-8 cannot carry.
        Files.writeString(
                in,
                Vectors.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(job),
                StandardCharsets.US_ASCII);
        int exit = run(60, "node", "interop.js", in.toString(), out.toString());
        assertThat(exit).as("node interop.js exit status").isZero();
        sdk = Vectors.JSON.readTree(out.toFile());
    }

    @Test
    @DisplayName("the random payloads cover dynamic and static, both account types, Khmer and emoji")
    void coversTheCases() {
        assertThat(ourQrs).hasSize(N);
        assertThat(ourQrs.stream().filter(q -> q.startsWith("000201010212")).count())
                .isGreaterThan(N / 3);
        assertThat(ourQrs.stream().filter(q -> q.startsWith("000201010211")).count())
                .isGreaterThan(N / 5);
        assertThat(ourQrs.stream()
                        .filter(q -> Khqr.decode(q).merchantType().equals("30"))
                        .count())
                .isGreaterThan(N / 4);
        assertThat(ourQrs.stream()
                        .filter(q -> q.chars().anyMatch(c -> c >= 0x1780 && c <= 0x17FF))
                        .count())
                .isGreaterThan(N / 4);
        assertThat(ourQrs.stream()
                        .filter(q -> q.chars().anyMatch(c -> Character.isSurrogate((char) c)))
                        .count())
                .isGreaterThan(5);
    }

    @Test
    @DisplayName("every KHQR we generate passes the SDK's verify() and decodes there to the fields we decode")
    void sdkAcceptsOurs() {
        for (int i = 0; i < N; i++) {
            JsonNode result = sdk.get("verify").get(i);
            String qr = ourQrs.get(i);
            assertThat(result.get("valid").asBoolean())
                    .as("SDK verify of %s", qr)
                    .isTrue();
            assertThat(Khqr.decode(qr).fields())
                    .as("decode of %s", qr)
                    .containsExactlyEntriesOf(Vectors.fields(result.get("decoded")));
        }
    }

    @Test
    @DisplayName(
            "every KHQR the SDK generates decodes here to its fields, verifies here, and is what we generate from the same input")
    void weReadTheirs() {
        for (int i = 0; i < N; i++) {
            JsonNode result = sdk.get("generate").get(i);
            ObjectNode in = theirs.get(i);
            assertThat(result.has("qr"))
                    .as("SDK refused %s: %s", in, result.get("error"))
                    .isTrue();
            String qr = result.get("qr").asText();
            assertThat(Khqr.decode(qr).fields())
                    .as("decode of %s", qr)
                    .containsExactlyEntriesOf(Vectors.fields(result.get("decoded")));
            assertThat(Khqr.verify(qr, Vectors.clockAt(RandomPayloads.now(in))).valid())
                    .as("verify of %s", qr)
                    .isTrue();
            KhqrResult mine = Khqr.encode(RandomPayloads.payload(in), Vectors.clockAt(RandomPayloads.now(in)));
            assertThat(mine.qr()).isEqualTo(qr);
            assertThat(mine.md5()).isEqualTo(result.get("md5").asText());
        }
    }

    @Test
    @DisplayName("on 10,000 corrupted strings (CRC often recomputed), verify gives the SDK's verdict")
    void sameVerdictOnCorruptedStrings() {
        int valid = 0;
        for (int i = 0; i < corrupted.size(); i++) {
            String qr = corrupted.get(i);
            boolean theirs = sdk.get("verdicts").get(i).asBoolean();
            KhqrVerification ours = Khqr.verify(qr, Vectors.clockAt(VERDICT_NOW));
            assertThat(ours.valid())
                    .as("verdict on %s (ours: %s)", qr, ours.error())
                    .isEqualTo(theirs);
            valid += theirs ? 1 : 0;
        }
        assertThat(valid).as("some corrupted strings still verify").isPositive();
    }

    private static void prepareNode() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String missing = null;
        if (run(20, "node", "--version") != 0) {
            missing = "node is not installed";
        } else if (!Files.isDirectory(NODE_DIR.resolve("node_modules/bakong-khqr"))) {
            if (run(20, "npm", "--version") != 0) {
                missing = "npm is not installed";
            } else if (run(300, "npm", "ci", "--no-audit", "--no-fund") != 0
                    && run(300, "npm", "install", "--no-audit", "--no-fund") != 0) {
                missing = "npm could not install bakong-khqr@1.0.20 in " + NODE_DIR;
            }
        }
        if (missing != null) {
            if (ci) {
                fail("Interop with NBC's SDK cannot run under CI: " + missing);
            }
            assumeTrue(false, "Skipping interop with NBC's SDK: " + missing);
        }
    }

    /** Runs a command in the node folder; -1 when it cannot start or times out. Output goes to target/. */
    private static int run(int timeoutSeconds, String... command) throws InterruptedException {
        try {
            File log = Paths.get("target", "khqr-interop-node.log").toFile();
            log.getParentFile().mkdirs();
            Process p = new ProcessBuilder(command)
                    .directory(NODE_DIR.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
