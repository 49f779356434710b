package dev.bakongpay.adapters.jdbc;

import java.util.Map;
import java.util.TreeMap;

/**
 * Transaction attributes as a flat JSON object of strings ({@code {"returnUrl":"https://…"}}),
 * readable by a shop's own SQL ({@code attributes::jsonb ->> 'returnUrl'} on PostgreSQL). Only
 * this shape is written or read, so a tiny codec does, without a JSON library.
 */
final class AttributesJson {
    private AttributesJson() {}

    static String write(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(attributes).forEach((k, v) -> {
            if (sb.length() > 1) sb.append(',');
            quote(sb, k).append(':');
            quote(sb, v);
        });
        return sb.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }

    static Map<String, String> read(String json) {
        Map<String, String> out = new TreeMap<>();
        Parser p = new Parser(json == null || json.isBlank() ? "{}" : json);
        p.expect('{');
        if (!p.peek('}')) {
            do {
                String k = p.string();
                p.expect(':');
                out.put(k, p.string());
            } while (p.consumeIf(','));
        }
        p.expect('}');
        return out;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        boolean peek(char c) {
            skipSpace();
            return i < s.length() && s.charAt(i) == c;
        }

        boolean consumeIf(char c) {
            if (!peek(c)) return false;
            i++;
            return true;
        }

        void expect(char c) {
            if (!consumeIf(c)) throw new IllegalArgumentException("attributes JSON: expected '" + c + "' at " + i);
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw new IllegalArgumentException("attributes JSON: unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e); // \" \\ \/
                }
            }
        }
    }
}
