package dev.bakongpay.jaxrs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curl commands of the seed API reference (a verbatim copy lives in test resources), read
 * with a small shell lexer: quotes, line continuations, {@code -X}, {@code -H} and {@code -d}.
 */
final class SeedCurlExamples {
    static final String SEED = "/seed/bakongpay-api-reference.txt";

    /** One curl command. */
    record Curl(String method, String url, Map<String, String> headers, String data) {
        String path() {
            return url.replaceFirst("^https?://[^/]+", "");
        }
    }

    private SeedCurlExamples() {}

    static List<Curl> all() {
        String text;
        try (InputStream in = SeedCurlExamples.class.getResourceAsStream(SEED)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Curl> out = new ArrayList<>();
        for (int at = text.indexOf("curl "); at >= 0; at = text.indexOf("curl ", at + 1)) {
            if (at > 0 && text.charAt(at - 1) != '\n') continue;
            out.add(parse(tokens(text, at + 5)));
        }
        return out;
    }

    private static Curl parse(List<String> t) {
        String method = "GET";
        String url = null;
        String data = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            switch (t.get(i)) {
                case "-X" -> method = t.get(++i);
                case "-H" -> {
                    String h = t.get(++i);
                    headers.put(
                            h.substring(0, h.indexOf(':')).strip(),
                            h.substring(h.indexOf(':') + 1).strip());
                }
                case "-d" -> data = t.get(++i);
                default -> url = t.get(i);
            }
        }
        return new Curl(method, url, headers, data);
    }

    /** Shell words from {@code from} up to the end of the command line (an unescaped newline). */
    private static List<String> tokens(String s, int from) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                continue;
            }
            if (c == '\n' || c == ' ' || c == '\t') {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
                if (c == '\n') break;
                i++;
                continue;
            }
            if (cur == null) cur = new StringBuilder();
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                cur.append(s, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') i++;
                    cur.append(s.charAt(i++));
                }
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }
}
