package dev.bakongpay.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * What the server logs while it is open: Logback's lines (its console appender writes to whatever
 * {@code System.err} is at each line) and Jersey's java.util.logging records, in this JVM.
 * Closing restores {@code System.err} and removes the JUL handler.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final List<String> jul = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (jul) {
                jul.add(record.getLevel() + " " + record.getLoggerName() + " - " + record.getMessage()
                        + (record.getThrown() == null ? "" : "\n\tat " + record.getThrown()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCapture() {
        PrintStream tee = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (captured) {
                            captured.write(b);
                        }
                        original.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        synchronized (captured) {
                            captured.write(b, off, len);
                        }
                        original.write(b, off, len);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        System.setErr(tee);
        java.util.logging.Logger.getLogger("").addHandler(handler);
    }

    /** What reached {@code System.err} so far (the server's log lines), line by line. */
    List<String> errLines() {
        synchronized (captured) {
            return List.of(captured.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Every line logged so far, slf4j's then JUL's. */
    List<String> lines() {
        List<String> all = new ArrayList<>();
        synchronized (captured) {
            all.addAll(List.of(captured.toString(StandardCharsets.UTF_8).split("\n")));
        }
        synchronized (jul) {
            for (String record : jul) all.addAll(List.of(record.split("\n")));
        }
        return all;
    }

    @Override
    public void close() {
        System.setErr(original);
        java.util.logging.Logger.getLogger("").removeHandler(handler);
    }
}
