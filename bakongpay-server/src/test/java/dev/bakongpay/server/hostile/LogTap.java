package dev.bakongpay.server.hostile;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Copies what is written to {@code System.err} (where the server logs) into memory while still
 * printing it, so that a test can ask which ERROR lines appeared since a point in time.
 */
final class LogTap implements AutoCloseable {
    private static final Pattern ERROR_LINE = Pattern.compile("(^|\\s)ERROR\\s");
    private final PrintStream original;
    private final StringBuffer seen = new StringBuffer();

    private LogTap() {
        original = System.err;
        System.setErr(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        original.write(b);
                        seen.append((char) (b & 0xFF));
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        original.write(b, off, len);
                        seen.append(new String(b, off, len, StandardCharsets.UTF_8));
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    static LogTap install() {
        return new LogTap();
    }

    int mark() {
        return seen.length();
    }

    /** ERROR lines (and the first line after each, usually the exception) written since {@code mark}. */
    List<String> errorsSince(int mark) {
        String[] lines = seen.substring(Math.min(mark, seen.length())).split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (ERROR_LINE.matcher(lines[i]).find()) {
                out.add(lines[i].strip() + (i + 1 < lines.length ? " / " + lines[i + 1].strip() : ""));
            }
        }
        return out;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
