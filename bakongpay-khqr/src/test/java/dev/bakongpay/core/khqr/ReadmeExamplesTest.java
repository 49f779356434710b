package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each Java snippet of bakongpay-khqr/README.md has its twin here, line for line, and runs; the root
 * README's "KHQR in Java" snippet, imports included, is compiled as it stands against this jar and run.
 */
@DisplayName("the README's Java examples")
class ReadmeExamplesTest {

    @Test
    @DisplayName("the usage example encodes, decodes and verifies")
    void usage() {
        // spotless:off (twinned with the README, which keeps aligned comments)
        KhqrPayload payload = KhqrPayload.individual("john_smith@devb")
                .merchantName("John Smith")
                .merchantCity("Phnom Penh")
                .currency(KhqrCurrency.USD)
                .amount(new BigDecimal("1.50"))
                .billNumber("INV-0001")
                .expiresAt(Instant.now().plusSeconds(600))    // a dynamic KHQR needs an expiry
                .build();                                     // validates with the SDK's rules

        KhqrResult result = Khqr.encode(payload);
        String qr = result.qr();                              // "000201010212...6304" + CRC
        String md5 = result.md5();                            // the key of NBC's check_transaction_by_md5

        KhqrData data = Khqr.decode(qr);                      // raw fields, by the SDK's names
        BigDecimal amount = data.amount().orElseThrow();      // typed views: 1.50
        KhqrVerification verdict = Khqr.verify(qr);           // the current SDK's verdict, with a reason
        assert verdict.valid() && data.merchantName().equals("John Smith");
        // spotless:on

        assertThat(qr).startsWith("000201010212");
        assertThat(md5).isEqualTo(Khqr.md5(qr));
        assertThat(amount).isEqualByComparingTo("1.50");
        assertThat(verdict.valid()).isTrue();
    }

    @Test
    @DisplayName("the error example reports code 3 on the account field")
    void refusal() {
        // spotless:off (twinned with the README, which keeps aligned comments)
        try {
            KhqrPayload.individual("john_smith").merchantName("John Smith").build();
        } catch (KhqrValidationException e) {
            assert e.code() == 3;                             // "Bakong Account ID is invalid"
            assert e.field().equals("bakongAccountID");
        }
        // spotless:on
        assertThatThrownBy(() -> KhqrPayload.individual("john_smith")
                        .merchantName("John Smith")
                        .build())
                .isInstanceOfSatisfying(KhqrValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("bakongAccountID");
                });
    }

    @Test
    @DisplayName("every Java snippet in the README appears in this file, line for line")
    void snippetsAreTwinned() throws IOException {
        String readme = Files.readString(Paths.get("README.md"), StandardCharsets.UTF_8);
        List<String> here = trimmedLines(Files.readString(
                Path.of("src/test/java/dev/bakongpay/core/khqr/ReadmeExamplesTest.java"), StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int snippets = 0;
        while (m.find()) {
            snippets++;
            List<String> snippet = trimmedLines(m.group(1));
            int from = here.indexOf(snippet.get(0));
            assertThat(from)
                    .as("first line of README snippet %d in this test", snippets)
                    .isNotNegative();
            assertThat(here.subList(from, Math.min(here.size(), from + snippet.size())))
                    .isEqualTo(snippet);
        }
        assertThat(snippets).isEqualTo(2);
    }

    @Test
    @DisplayName("the root README's \"KHQR in Java\" snippet compiles with its own imports alone, and runs")
    void rootReadmeSnippetCompiles(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Paths.get("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## KHQR in Java"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("a java snippet in the KHQR in Java section").isTrue();
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : m.group(1).split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        assertThat(imports.toString()).contains("import dev.bakongpay.core.khqr.Khqr;");
        Path source = dir.resolve("readme/Snippet.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package readme;\n" + imports + "public class Snippet { public static void run() {\n" + body + "} }\n",
                StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(
                null,
                diagnostics,
                diagnostics,
                "-proc:none",
                "-d",
                dir.toString(),
                "-cp",
                Path.of("target/classes").toAbsolutePath().toString(),
                source.toString());
        assertThat(status)
                .as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8))
                .isZero();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("readme.Snippet").getMethod("run").invoke(null);
        }
    }

    private static List<String> trimmedLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
