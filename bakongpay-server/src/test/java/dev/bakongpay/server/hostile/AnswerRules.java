package dev.bakongpay.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every answer must look like, whatever was sent (issue 14): the documented error envelope
 * under /api/v1, no stack trace or server name anywhere, no {@code Server} header,
 * {@code Cache-Control: no-store} on API answers. Each check returns the problems it found, so a
 * failing case lists all of them at once.
 */
final class AnswerRules {
    /** Text that only a leak would put into an answer body. */
    static final List<String> LEAKS = List.of(
            "Exception",
            "exception:",
            "Jetty",
            "jetty",
            "at dev.bakongpay",
            "at org.",
            "at java.",
            "Caused by",
            "Powered by",
            "jersey",
            "Jersey",
            "Stack",
            "stack trace",
            "Servlet");

    private AnswerRules() {}

    /** The envelope {@code {"success":false,"error":{"code","message","details":[{field,code,message}]}}}, or problems. */
    static List<String> envelope(RawHttp.Answer a) {
        List<String> problems = new ArrayList<>();
        String type = a.header("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json"))
            problems.add("Content-Type is '" + type + "', not application/json");
        JsonNode root;
        try {
            root = HostileServer.JSON.readTree(a.body());
        } catch (Exception e) {
            problems.add("body is not JSON: " + snippet(a.text()));
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("body is not a JSON object: " + snippet(a.text()));
            return problems;
        }
        if (!root.path("success").isBoolean() || root.path("success").asBoolean()) problems.add("success is not false");
        JsonNode error = root.path("error");
        if (!error.isObject()) {
            problems.add("no error object: " + snippet(a.text()));
            return problems;
        }
        if (!error.path("code").isTextual() || error.path("code").asText().isEmpty())
            problems.add("error.code is not a string");
        if (!error.path("message").isTextual()) problems.add("error.message is not a string");
        if (!error.path("details").isArray()) {
            problems.add("error.details is not an array");
        } else {
            for (JsonNode d : error.path("details")) {
                if (!d.isObject()
                        || !d.path("field").isTextual()
                        || !d.path("code").isTextual()
                        || !d.path("message").isTextual()) {
                    problems.add("a details entry is not {field, code, message}: " + d);
                }
            }
        }
        return problems;
    }

    static String code(RawHttp.Answer a) {
        try {
            return HostileServer.JSON
                    .readTree(a.body())
                    .path("error")
                    .path("code")
                    .asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static List<String> fields(RawHttp.Answer a) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode d :
                    HostileServer.JSON.readTree(a.body()).path("error").path("details"))
                out.add(d.path("field").asText());
        } catch (Exception e) {
            // not JSON: the envelope check says so
        }
        return out;
    }

    /** A 2xx under /api/v1 is {@code {"success":true,"data":…}} (or an image when one was asked for). */
    static List<String> success(RawHttp.Answer a) {
        String type = a.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) return List.of();
        try {
            JsonNode root = HostileServer.JSON.readTree(a.body());
            if (root != null && root.path("success").asBoolean(false) && root.has("data")) return List.of();
        } catch (Exception e) {
            // reported below
        }
        return List.of("a 2xx that is not {\"success\":true,\"data\":…}: " + snippet(a.text()));
    }

    /** Headers and body text that must never show, on any path. */
    static List<String> noLeaks(RawHttp.Answer a, boolean api) {
        List<String> problems = new ArrayList<>();
        a.header("Server").ifPresent(v -> problems.add("Server header: " + v));
        a.header("X-Powered-By").ifPresent(v -> problems.add("X-Powered-By header: " + v));
        problems.addAll(bodyLeaks(a));
        if (api && a.answered()) {
            List<String> cache = a.all("Cache-Control");
            if (cache.stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("no-store"))) {
                problems.add("Cache-Control is " + cache + ", not no-store");
            }
        }
        return problems;
    }

    /** No stack trace, exception name or server name in the body (images aside). */
    static List<String> bodyLeaks(RawHttp.Answer a) {
        List<String> problems = new ArrayList<>();
        String type = a.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/png")) {
            String text = a.text();
            for (String leak : LEAKS) {
                if (text.contains(leak)) {
                    problems.add("body contains '" + leak + "': " + snippet(text));
                    break;
                }
            }
        }
        return problems;
    }

    static boolean statusIn(int status, Set<Integer> allowed) {
        return allowed.contains(status);
    }

    static String snippet(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > 300 ? one.substring(0, 300) + "…(" + s.length() + " chars)" : one;
    }
}
