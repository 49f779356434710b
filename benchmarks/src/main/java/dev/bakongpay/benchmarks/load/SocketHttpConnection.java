package dev.bakongpay.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A deliberately tiny HTTP/1.1 client over one keep-alive {@link Socket}: it writes the request
 * bytes, reads the status line and headers, then the body by Content-Length, chunked encoding, or
 * until close. Why not {@code java.net.http.HttpClient}: its shared selector thread and async
 * machinery cost CPU that on a 2-core machine the server under test needs (see the README), and a
 * load tool that eats the cores it measures reports its own limit. This client spends almost
 * nothing per request. It is only for a benchmark: no TLS, no redirects, no 100-continue, no
 * pipelining, no retries; it reconnects on the next request after any error or "Connection: close".
 */
final class SocketHttpConnection implements HttpClientConnection {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final byte[] fixedHeaders;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    private final ByteArrayOutputStream bodyBuffer = new ByteArrayOutputStream(16 * 1024);

    SocketHttpConnection(String host, int port, String apiKey, Duration timeout) {
        // URI.getHost() keeps the brackets of an IPv6 literal; sockets want them off, Host wants them on
        this.host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        this.port = port;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        String hostHeader = (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + port;
        this.fixedHeaders = ("Host: " + hostHeader + "\r\n"
                        + (apiKey == null ? "" : "Authorization: Bearer " + apiKey + "\r\n")
                        + "Accept: application/json\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public HttpAnswer exchange(String method, String path, byte[] body, String idempotencyKey) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            writeRequest(method, path, body, idempotencyKey);
            return readAnswer(method);
        } catch (IOException | RuntimeException e) {
            // no retry here: a create is not idempotent, and the caller counts the failure
            close();
            throw e instanceof IOException io ? io : new IOException("bad answer: " + e, e);
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(host, port), Math.min(timeoutMillis, 5000));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
    }

    private void writeRequest(String method, String path, byte[] body, String idempotencyKey) throws IOException {
        out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(fixedHeaders);
        if (idempotencyKey != null) {
            out.write(("Idempotency-Key: " + idempotencyKey + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null) {
            out.write(("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
        } else {
            out.write(CRLF);
        }
        out.flush();
    }

    private HttpAnswer readAnswer(String method) throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfter = value.equalsIgnoreCase("close") || (closeAfter && !value.equalsIgnoreCase("keep-alive"));
            }
        }
        bodyBuffer.reset();
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
        if (noBody) {
            // nothing to read
        } else if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readExactly(contentLength);
        } else {
            in.transferTo(bodyBuffer);
            closeAfter = true;
        }
        byte[] body = bodyBuffer.toByteArray();
        if (closeAfter) {
            close();
        }
        return new HttpAnswer(status, body);
    }

    private void readChunked() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                // trailers, then the empty line that ends the message
                while (!readLine().isEmpty()) {
                    // skip
                }
                return;
            }
            readExactly(size);
            readLine();
        }
    }

    private void readExactly(long length) throws IOException {
        byte[] chunk = new byte[(int) Math.min(length, 16 * 1024)];
        long left = length;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(left, chunk.length));
            if (n < 0) {
                throw new EOFException("connection closed with " + left + " body bytes unread");
            }
            bodyBuffer.write(chunk, 0, n);
            left -= n;
        }
    }

    /** One CRLF-terminated line in ISO-8859-1, without the CRLF; EOF before any byte is an error. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            if (line.length() > 64 * 1024) {
                throw new IOException("header line too long");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing to do
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
