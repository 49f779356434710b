package dev.bakongpay.appserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application server running as a child process of the test, its console written to
 * {@code target/app-server-logs/NAME.log}. {@link #close()} stops it and everything it started (a start script's JVM included).
 */
final class AppServer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private AppServer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    static AppServer start(String name, List<String> command, Path workDir, Map<String, String> env)
            throws IOException {
        // kept after the run (target/app-server-logs), for a look at what the server said
        Path logs = Files.createDirectories(
                Path.of(System.getProperty("bakongpay.appserver.logs", "target/app-server-logs")));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new AppServer(name, builder.start(), log);
    }

    /** Runs a tool (a server's command line) to its end; fails with its output unless it exits 0. */
    static void run(List<String> command, Path workDir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "tool", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process tool = builder.start();
        if (!tool.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            tool.descendants().forEach(ProcessHandle::destroyForcibly);
            tool.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeout + ":\n" + Files.readString(out));
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(
                    command + " exited " + tool.exitValue() + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
    }

    /** A loopback port free now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Java 21 or newer for the servers (Payara Micro 7 needs it), from {@code bakongpay.appserver.java.home}. */
    static Path javaHome() {
        Path home = Path.of(System.getProperty("bakongpay.appserver.java.home", System.getProperty("java.home")));
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("no JDK at " + home
                    + ": the app-server tests need a JDK 21+ there (-Dappserver.java.home=… to use another)");
        }
        return home;
    }

    boolean alive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /** Everything the server wrote so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    Path logFile() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        for (ProcessHandle p : all) {
            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
            if (p.isAlive()) p.destroyForcibly();
        }
    }
}
