package dev.bakongpay.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of another language (python3, php, node, go) run as a child process, as the SDK tests
 * do: its output (stdout and stderr together) goes to the build log line by line and is kept for
 * the assertions; past the timeout it is killed and the test fails with what it printed.
 */
public final class ExternalProgram {
    /** What the program printed and how it ended. */
    public record Result(int exitCode, String output) {}

    private ExternalProgram() {}

    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is needed for this test and could not be started (" + e.getMessage() + ")", e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null; ) {
                            System.out.println("[" + command.get(0) + "] " + line);
                            synchronized (output) {
                                output.append(line).append('\n');
                            }
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "external-program-output");
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            reader.join(1000);
            throw new AssertionError(
                    String.join(" ", command) + " did not end within " + timeout + "; it printed:\n" + output);
        }
        reader.join(5000);
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }
}
