package dev.bakongpay.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar bakongpay-server/target/bakongpay-server-VERSION.jar serve|sandbox} as a child
 * JVM on free ports, its output kept in memory and in {@code target/it-logs/NAME.log}. Tests that run
 * it declare {@code bakongpay-server} as a dependency, so that {@code -am} packages it first.
 */
public final class ServerNode implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("BakongPay (?:serve|sandbox) listening on (http://\\S+) ");
    private static final Pattern SANDBOX_API = Pattern.compile("API and checkout page : (http://\\S+)");
    private static final Pattern SANDBOX_BANK = Pattern.compile("Bakong simulator\\s+: (http://\\S+)");

    public final String name;
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final PrintWriter log;
    private String url;

    private ServerNode(String name, Process process, PrintWriter log) {
        this.name = name;
        this.process = process;
        this.log = log;
        pump(process.getInputStream(), "out");
        pump(process.getErrorStream(), "err");
        // a crashed or cancelled test run leaves no server behind on a shared machine
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-reaper"));
    }

    /** The packaged server JAR, with its {@code lib/} beside it (built by the reactor's package phase). */
    public static Path jar() {
        String root = System.getenv("BAKONGPAY_PROJECT_ROOT");
        Path target = (root != null ? Path.of(root) : projectRoot())
                .resolve("bakongpay-server")
                .resolve("target")
                .toAbsolutePath()
                .normalize();
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        Path jar = target.resolve("bakongpay-server-" + version + ".jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new AssertionError(
                    jar
                            + " (with lib/ beside it) is missing: build with -am, e.g. ./mvnw -B -pl integration-tests -am verify");
        }
        return jar;
    }

    /** The nearest folder above the working directory (a module's) that holds {@code bakongpay-server}. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("bakongpay-server"))) return dir;
        }
        return Path.of("..");
    }

    /** {@code serve} with these settings (port 0, host 127.0.0.1, a data dir of its own unless given). */
    public static ServerNode serve(String name, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        ServerNode node = start(name, workDir, "serve", env);
        node.url = node.awaitLine(LISTENING, Duration.ofSeconds(90));
        return node;
    }

    /** {@code sandbox}: answers the API URL and the embedded simulator's URL. */
    public static ServerNode sandbox(String name, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        ServerNode node = start(name, workDir, "sandbox", env);
        node.awaitLine(Pattern.compile("(Press Ctrl-C to stop\\.)"), Duration.ofSeconds(90));
        node.url = node.find(SANDBOX_API).orElseThrow();
        return node;
    }

    private static ServerNode start(String name, Path workDir, String command, Map<String, String> env)
            throws IOException {
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-jar",
                jar().toString(),
                command);
        pb.directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BAKONGPAY_") || k.startsWith("BAKONG_SIMULATOR_"));
        pb.environment().put("BAKONGPAY_PORT", "0");
        pb.environment().put("BAKONGPAY_HOST", "127.0.0.1");
        pb.environment().put("BAKONG_SIMULATOR_PORT", "0");
        pb.environment().put("BAKONGPAY_DATA_DIR", workDir.resolve("data").toString());
        pb.environment().putAll(env);
        Path logs = Path.of("target", "it-logs");
        Files.createDirectories(logs);
        PrintWriter log =
                new PrintWriter(Files.newBufferedWriter(logs.resolve(name + ".log"), StandardCharsets.UTF_8), true);
        log.println("# " + command + " " + env);
        return new ServerNode(name, pb.start(), log);
    }

    private void pump(InputStream stream, String tag) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            out.add(line);
                            log.println(line);
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                name + "-" + tag);
        t.setDaemon(true);
        t.start();
    }

    private String awaitLine(Pattern p, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> found = find(p);
            if (found.isPresent()) return found.get();
            if (!process.isAlive()) break;
            Thread.sleep(50);
        }
        throw new AssertionError(name + " did not start within " + within + " (exit: "
                + (process.isAlive() ? "running" : process.exitValue()) + "); its output:\n" + String.join("\n", out));
    }

    public Optional<String> find(Pattern p) {
        return out.stream()
                .map(p::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }

    /** The sandbox's embedded simulator. */
    public String sandboxSimulatorUrl() {
        return find(SANDBOX_BANK)
                .orElseThrow(() -> new AssertionError("no simulator line in\n" + String.join("\n", out)));
    }

    public String url() {
        return url;
    }

    public List<String> output() {
        return new ArrayList<>(out);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no flush, connections cut. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hook stops the web server, then the store
            if (!process.waitFor(15, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        log.close();
    }
}
