package dev.bakongpay.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.1 client on a plain {@link Socket}: the request goes out byte for byte as given (no
 * normalising, no added headers), so that malformed requests really are malformed on the wire.
 * The answer is read within a deadline; a server that never answers shows up as {@link Answer#timedOut()}.
 */
final class RawHttp {
    /** How a request is sent: keep writing until done, half-close after writing, or close without reading. */
    enum Ending {
        READ,
        HALF_CLOSE,
        CLOSE
    }

    private RawHttp() {}

    /** What came back: status 0 when the server closed without a status line. */
    record Answer(
            int status,
            List<String[]> headers,
            byte[] body,
            long millis,
            boolean timedOut,
            boolean closedWithoutAnswer) {
        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        List<String> all(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean answered() {
            return status > 0;
        }
    }

    static Answer send(int port, byte[] request, Ending ending, long deadlineMillis, boolean headRequest) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) deadlineMillis);
            s.setTcpNoDelay(true);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server may close while we still write (e.g. a huge header it already refused): read what it said
            }
            if (ending == Ending.CLOSE) {
                return new Answer(0, List.of(), new byte[0], elapsed(start), false, true);
            }
            if (ending == Ending.HALF_CLOSE) s.shutdownOutput();
            return read(s, start, deadlineMillis, headRequest);
        } catch (IOException e) {
            return new Answer(0, List.of(), new byte[0], elapsed(start), false, true);
        }
    }

    private static Answer read(Socket s, long start, long deadlineMillis, boolean headRequest) throws IOException {
        Deadline in = new Deadline(s, start, deadlineMillis);
        try {
            while (true) {
                String statusLine = in.line();
                if (statusLine == null) return new Answer(0, List.of(), new byte[0], elapsed(start), false, true);
                String[] parts = statusLine.split(" ", 3);
                int status = parts.length >= 2 && parts[0].startsWith("HTTP/") ? parseInt(parts[1]) : -1;
                List<String[]> headers = new ArrayList<>();
                for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                    int colon = line.indexOf(':');
                    if (colon > 0)
                        headers.add(new String[] {
                            line.substring(0, colon).trim(),
                            line.substring(colon + 1).trim()
                        });
                }
                if (status >= 100 && status < 200) continue; // 100 Continue and friends: the real answer follows
                byte[] body;
                String te = headers.stream()
                        .filter(h -> h[0].equalsIgnoreCase("Transfer-Encoding"))
                        .map(h -> h[1])
                        .findFirst()
                        .orElse("");
                String cl = headers.stream()
                        .filter(h -> h[0].equalsIgnoreCase("Content-Length"))
                        .map(h -> h[1])
                        .findFirst()
                        .orElse(null);
                if (headRequest || status == 204 || status == 304) body = new byte[0];
                else if (te.toLowerCase(Locale.ROOT).contains("chunked")) body = in.chunked();
                else if (cl != null) body = in.bytes(parseInt(cl));
                else body = in.rest();
                return new Answer(status, headers, body, elapsed(start), false, false);
            }
        } catch (SocketTimeoutException e) {
            return new Answer(0, List.of(), new byte[0], elapsed(start), true, false);
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Reads with the socket timeout set to what is left of the deadline before each read. */
    private static final class Deadline {
        private final Socket socket;
        private final InputStream in;
        private final long endNanos;

        Deadline(Socket socket, long start, long deadlineMillis) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
            this.endNanos = start + deadlineMillis * 1_000_000;
        }

        int read() throws IOException {
            long left = (endNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new SocketTimeoutException("deadline");
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                return in.read();
            } catch (java.net.SocketException e) {
                return -1; // reset by the server: the same as a close for what we check
            }
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = read()) >= 0) {
                if (c == '\n') break;
                if (c != '\r') b.write(c);
            }
            if (c < 0 && b.size() == 0) return null;
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] bytes(int n) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                int c = read();
                if (c < 0) break;
                b.write(c);
            }
            return b.toByteArray();
        }

        byte[] rest() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = read(); c >= 0; c = read()) b.write(c);
            return b.toByteArray();
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) break;
                int semi = size.indexOf(';');
                int n;
                try {
                    n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (n == 0) {
                    for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                        // trailers
                    }
                    break;
                }
                b.writeBytes(bytes(n));
                line();
            }
            return b.toByteArray();
        }
    }
}
