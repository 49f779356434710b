package dev.bakongpay.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.jaxrs.internal.HttpErrors;
import dev.bakongpay.jaxrs.internal.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The API's error envelope for answers made outside JAX-RS: the container's own errors (a bad
 * request line, headers too large, an unmapped path) and the servlets' refusals. The message is
 * ours; the container's reason is added only when it is a short plain phrase ("No Host"), never
 * for a 5xx and never an exception's text, so no class, address or server name reaches a client.
 */
final class ErrorBodies {
    /** The API's mapper, so these bodies are written as the API writes its own. */
    private static final ObjectMapper JSON = Json.MAPPER;

    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 ,:'()/_-]{0,79}");

    private ErrorBodies() {}

    static String json(int status, String reason) {
        try {
            return JSON.writeValueAsString(HttpErrors.body(status, message(status, reason)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(int status, String reason) {
        String message = HttpErrors.message(status);
        if (status >= 500 || reason == null || !PLAIN_REASON.matcher(reason).matches()) return message;
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("exception") || lower.contains("jetty") || lower.contains("java")) return message;
        // the WAR runs without Jetty's classes: the standard phrase comes from the JAX-RS API
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        if (known != null && reason.equalsIgnoreCase(known.getReasonPhrase())) return message;
        if (reason.equalsIgnoreCase("Bad Request") || reason.equalsIgnoreCase("Not Found")) return message;
        return message + " (" + reason + ")";
    }

    /** Writes the envelope as the whole answer of a servlet, with {@code Cache-Control: no-store}. */
    static void send(HttpServletResponse response, int status, String allow) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json"); // UTF-8 by definition (RFC 8259)
        response.setHeader("Cache-Control", "no-store");
        if (allow != null) response.setHeader("Allow", allow);
        byte[] body = json(status, null).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
