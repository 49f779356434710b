package dev.bakongpay.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: an embedded H2 file stays near the size of its data, and compaction loses no commit. */
@DisplayName("H2 file housekeeping")
class H2FileHousekeepingTest {
    private static final int CREATES = 2_000;

    @Test
    @DisplayName("2,000 creates: the file stays a fraction of what it grows to without housekeeping")
    void keepsTheFileSmall(@TempDir Path dir) throws Exception {
        long without = sizeAfterCreates(dir.resolve("plain"), null);
        long with = sizeAfterCreates(
                dir.resolve("kept"), new H2FileHousekeeping.Policy(Duration.ofMillis(10), 1L << 20, 50));
        System.out.printf(
                "H2 file after %,d creates: %,d bytes without housekeeping, %,d with%n", CREATES, without, with);
        assertThat(without).as("the growth this guards against").isGreaterThan(60L << 20);
        assertThat(with).isLessThan(without / 3);
    }

    private static long sizeAfterCreates(Path base, H2FileHousekeeping.Policy policy) {
        try (H2PaymentWriter writer = new H2PaymentWriter(base, policy)) {
            for (int i = 0; i < CREATES; i++) writer.create(i);
            if (policy != null)
                assertThat(writer.housekeeping().orElseThrow().steps()).isPositive();
            return fileSize(base);
        }
    }

    @Test
    @DisplayName("kill -9 during compaction, three times: every answered create is there and the file opens")
    void survivesKills(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("killed");
        List<String> answered = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            answered.addAll(createUntilKilled(base, round * 100_000, 300 + round * 100));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE")) {
            for (String md5 : answered) {
                try (var q = c.prepareStatement("select count(*) from bakongpay_transaction where md5 = ?")) {
                    q.setString(1, md5);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        assertThat(r.getInt(1)).as("answered create " + md5).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(answered).hasSize(300 + 400 + 500);
    }

    /** Runs {@link H2PaymentWriter#main} in a child JVM, kills it (SIGKILL) after {@code killAfter} answers. */
    private static List<String> createUntilKilled(Path base, int from, int killAfter) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        H2PaymentWriter.class.getName(),
                        base.toString(),
                        Integer.toString(from),
                        "1000000")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> answered = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null) {
                answered.add(line);
                if (answered.size() == killAfter) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answered).as("the writer ran (its stderr is discarded)").hasSize(killAfter);
        return answered;
    }

    @Test
    @DisplayName("only embedded H2 files get housekeeping")
    void onlyEmbeddedFiles() {
        assertThat(H2FileHousekeeping.embeddedH2File("jdbc:h2:file:/data/bakongpay;WRITE_DELAY=0"))
                .isTrue();
        assertThat(H2FileHousekeeping.embeddedH2File("jdbc:h2:./data/bakongpay"))
                .isTrue();
        assertThat(H2FileHousekeeping.embeddedH2File("jdbc:h2:mem:x")).isFalse();
        assertThat(H2FileHousekeeping.embeddedH2File("jdbc:h2:tcp://db/x")).isFalse();
        assertThat(H2FileHousekeeping.embeddedH2File("jdbc:postgresql://db/x")).isFalse();
        assertThat(H2FileHousekeeping.embeddedH2File(null)).isFalse();
    }

    private static long fileSize(Path base) {
        try {
            return Files.size(Path.of(base + ".mv.db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
