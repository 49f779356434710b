package dev.bakongpay.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One line of {@code hostile/hostile-requests.tsv}: name, expected statuses, expected error code,
 * a field that {@code details} must name, method, path, headers, body. See the header of that file
 * for the notation.
 */
record HostileCase(
        int line,
        String name,
        Set<Integer> statuses,
        Expect expect,
        Set<String> codes,
        String field,
        String method,
        String path,
        List<String> headers,
        String body) {

    /** ANSWER: a status from the set; ABORT: no answer or a 4xx; NONE: the client closes without reading. */
    enum Expect {
        ANSWER,
        ABORT,
        NONE
    }

    static List<HostileCase> load(String resource) throws IOException {
        List<HostileCase> out = new ArrayList<>();
        try (InputStream in = HostileCase.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] c = l.split("\t", -1);
                if (c.length != 8)
                    throw new IOException(resource + " line " + (i + 1) + ": " + c.length + " columns, not 8: " + l);
                Expect expect = Expect.ANSWER;
                Set<Integer> statuses = new LinkedHashSet<>();
                switch (c[1].trim()) {
                    case "abort" -> expect = Expect.ABORT;
                    case "none" -> expect = Expect.NONE;
                    default ->
                        Arrays.stream(c[1].split("\\|"))
                                .map(String::trim)
                                .forEach(s -> statuses.add(Integer.parseInt(s)));
                }
                Set<String> codes = c[2].trim().equals("-")
                        ? Set.of()
                        : new LinkedHashSet<>(Arrays.asList(c[2].trim().split("\\|")));
                List<String> headers = c[6].trim().equals("-")
                        ? List.of()
                        : Arrays.stream(c[6].split(" \\| ")).map(String::trim).toList();
                out.add(new HostileCase(
                        i + 1,
                        c[0].trim(),
                        statuses,
                        expect,
                        codes,
                        c[3].trim().equals("-") ? null : c[3].trim(),
                        c[4].trim(),
                        c[5].trim(),
                        headers,
                        c[7].equals("-") ? null : c[7]));
            }
        }
        return out;
    }

    boolean api() {
        return path.startsWith("/api/v1");
    }

    boolean head() {
        return method.equals("HEAD");
    }

    RawHttp.Ending ending() {
        if (headers.contains("@close")) return RawHttp.Ending.CLOSE;
        if (headers.contains("@halfclose")) return RawHttp.Ending.HALF_CLOSE;
        return RawHttp.Ending.READ;
    }

    /**
     * The bytes on the wire. For method RAW the body is the whole request; otherwise the request
     * line, then the default headers (Host, Authorization with the PRO key, Content-Type and
     * Content-Length when there is a body, Connection: close), each replaced by a header of the same
     * name in the case or dropped by {@code -Name}, then the case's other headers, then the body.
     */
    byte[] bytes(Function<String, byte[]> macros) {
        if (method.equals("RAW")) return expand(body, macros);
        byte[] payload = body == null ? null : expand(body, macros);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("host", "Host: {{host}}");
        defaults.put("authorization", "Authorization: Bearer {{pro}}");
        if (payload != null) {
            defaults.put("content-type", "Content-Type: application/json");
            defaults.put("content-length", "Content-Length: " + payload.length);
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            defaults.put("content-length", "Content-Length: 0");
        }
        defaults.put("connection", "Connection: close");
        List<String> extra = new ArrayList<>();
        for (String h : headers) {
            if (h.startsWith("@")) continue;
            if (h.startsWith("-")) {
                defaults.remove(h.substring(1).toLowerCase(Locale.ROOT));
                continue;
            }
            int colon = h.indexOf(':');
            String name = (colon > 0 ? h.substring(0, colon) : h).trim().toLowerCase(Locale.ROOT);
            if (defaults.containsKey(name)) defaults.put(name, h);
            else extra.add(h);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(expand(method + " " + path + " HTTP/1.1", macros));
        out.writeBytes(new byte[] {'\r', '\n'});
        for (String h : defaults.values()) {
            out.writeBytes(expand(h, macros));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        for (String h : extra) {
            out.writeBytes(expand(h, macros));
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        if (payload != null) out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * Text with {@code {{…}}} macros, which nest: {@code {{rep:N:text}}} repeats the expanded text N
     * times, {@code {{x:HH HH}}} writes raw bytes, {@code {{u:XXXX}}} one code point as UTF-8,
     * {@code {{crlf}}}, {@code {{lb}}} / {@code {{rb}}} for braces; anything else is asked of {@code macros}
     * (the server's port, the keys, the known md5…). Everything else is sent as UTF-8, backslashes
     * included, so a JSON escape such as {@code \ud800} reaches the server as written.
     */
    static byte[] expand(String text, Function<String, byte[]> macros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.writeBytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(text.substring(i, open).getBytes(StandardCharsets.UTF_8));
            int depth = 1;
            int j = open + 2;
            while (j < text.length() && depth > 0) {
                if (text.startsWith("{{", j)) {
                    depth++;
                    j += 2;
                } else if (text.startsWith("}}", j)) {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            if (depth != 0) throw new IllegalArgumentException("unclosed macro in: " + text);
            out.writeBytes(macro(text.substring(open + 2, j - 2), macros));
            i = j;
        }
        return out.toByteArray();
    }

    private static byte[] macro(String m, Function<String, byte[]> macros) {
        if (m.startsWith("rep:")) {
            int colon = m.indexOf(':', 4);
            int n = Integer.parseInt(m.substring(4, colon));
            byte[] one = expand(m.substring(colon + 1), macros);
            ByteArrayOutputStream out = new ByteArrayOutputStream(one.length * n);
            for (int k = 0; k < n; k++) out.writeBytes(one);
            return out.toByteArray();
        }
        if (m.startsWith("x:")) {
            String[] hex = m.substring(2).trim().split("\\s+");
            byte[] b = new byte[hex.length];
            for (int k = 0; k < hex.length; k++) b[k] = (byte) Integer.parseInt(hex[k], 16);
            return b;
        }
        if (m.startsWith("u:"))
            return new String(Character.toChars(Integer.parseInt(m.substring(2), 16))).getBytes(StandardCharsets.UTF_8);
        return switch (m) {
            case "crlf" -> new byte[] {'\r', '\n'};
            case "lb" -> new byte[] {'{'};
            case "rb" -> new byte[] {'}'};
            case "tab" -> new byte[] {'\t'};
            default -> {
                byte[] v = macros.apply(m);
                if (v == null) throw new IllegalArgumentException("unknown macro {{" + m + "}}");
                yield v;
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
