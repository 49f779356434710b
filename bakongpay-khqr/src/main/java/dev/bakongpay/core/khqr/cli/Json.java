package dev.bakongpay.core.khqr.cli;

import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.core.khqr.KhqrError;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.khqr.KhqrVerification;
import java.util.Map;

/** Just enough JSON writing for the command line, so the core jar runs with the JDK alone. */
final class Json {

    private Json() {}

    static String decode(KhqrData data) {
        StringBuilder sb = new StringBuilder(1024).append("{\n");
        for (Map.Entry<String, String> e : data.fields().entrySet()) {
            sb.append("  ")
                    .append(string(e.getKey()))
                    .append(": ")
                    .append(string(e.getValue()))
                    .append(",\n");
        }
        sb.append("  \"unknownTags\": {");
        String separator = "";
        for (Map.Entry<String, String> e : data.unknownTags().entrySet()) {
            sb.append(separator).append(string(e.getKey())).append(": ").append(string(e.getValue()));
            separator = ", ";
        }
        return sb.append("}\n}").toString();
    }

    static String verification(KhqrVerification v) {
        return "{\"valid\": " + v.valid() + ", \"error\": " + error(v.error()) + "}";
    }

    static String result(KhqrResult r) {
        return "{\"qr\": " + string(r.qr()) + ", \"md5\": " + string(r.md5()) + "}";
    }

    static String failure(KhqrError error) {
        return "{\"error\": " + error(error) + "}";
    }

    static String error(KhqrError e) {
        if (e == null) {
            return "null";
        }
        return "{\"code\": " + e.code() + ", \"message\": " + string(e.message()) + ", \"field\": " + string(e.field())
                + "}";
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    // Control chars must be escaped; lone surrogates and U+2028/9 are escaped so any reader copes.
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !pairAt(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                        if (Character.isHighSurrogate(c)) {
                            sb.append(s.charAt(++i));
                        }
                    }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean pairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i))
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
