package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Reading JSON bodies and writing JSON answers, shared by the Open API and the control API. */
final class HttpIo {

    /** Bodies above this are refused: no legitimate request is near it, and it bounds memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private HttpIo() {}

    /** The parsed body; null for an empty one; throws {@link IOException} for malformed JSON. */
    static JsonNode readJson(HttpServletRequest request) throws IOException {
        byte[] bytes = readBytes(request);
        if (bytes.length == 0) {
            return null;
        }
        return Json.MAPPER.readTree(bytes);
    }

    static byte[] readBytes(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    static void write(HttpServletResponse response, NbcAnswer answer) throws IOException {
        write(response, answer.httpStatus(), answer);
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
