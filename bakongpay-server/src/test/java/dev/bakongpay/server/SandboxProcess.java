package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/bakongpay-server-VERSION.jar sandbox} as a child process, read line by line. */
final class SandboxProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private SandboxProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out);
        pump(process.getErrorStream(), err);
    }

    static SandboxProcess start(Path dataDir, Map<String, String> env) throws IOException {
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        Path jar = Path.of("target", "bakongpay-server-" + version + ".jar").toAbsolutePath();
        assertThat(jar).as("mvn package builds the JAR before this test").exists();
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "sandbox");
        pb.directory(dataDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BAKONGPAY_") || k.startsWith("BAKONG_SIMULATOR_"));
        pb.environment().put("BAKONGPAY_PORT", "0");
        pb.environment().put("BAKONG_SIMULATOR_PORT", "0");
        pb.environment().putAll(env);
        return new SandboxProcess(pb.start());
    }

    private static void pump(java.io.InputStream stream, List<String> lines) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) lines.add(line);
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "sandbox-output");
        t.setDaemon(true);
        t.start();
    }

    /** The printed guide, once the sandbox says it is ready; fails with its output if it never does. */
    List<String> awaitGuide(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (out.stream().anyMatch(l -> l.contains("Press Ctrl-C to stop."))) return new ArrayList<>(out);
            if (!process.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError("the sandbox printed no guide within " + within + "\nstdout:\n"
                + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err));
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, and waits for the process to end. */
    int interrupt(Duration within) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the sandbox did not stop within " + within + " of Ctrl-C");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(
                    "the process did not end within " + within + "\nstderr:\n" + String.join("\n", err));
        }
        Thread.sleep(200); // lets the output pumps read the last lines
        return process.exitValue();
    }

    List<String> stderr() {
        return new ArrayList<>(err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
