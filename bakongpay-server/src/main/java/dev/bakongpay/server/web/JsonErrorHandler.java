package dev.bakongpay.server.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages as the API's JSON envelope, whatever the method or {@code Accept} header:
 * {@code {"success":false,"error":{"code","message","details":[]}}} with {@code Cache-Control:
 * no-store}, instead of the HTML page naming Jetty and its version. Errors come from two layers,
 * so there are two: this one on the {@code Server}, for what fails before a request reaches a
 * context (headers too large, a malformed request line or URI, no Host, Content-Length with
 * Transfer-Encoding), and {@link InContext} on the servlet context, for {@code sendError} and
 * unmapped paths.
 */
public final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    public JsonErrorHandler() {
        configure(this);
    }

    private static void configure(org.eclipse.jetty.server.handler.ErrorHandler handler) {
        handler.setCacheControl("no-store");
        handler.setShowStacks(false);
        handler.setShowCauses(false);
        handler.setShowOrigin(false);
        handler.setDefaultResponseMimeType("application/json");
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // a TRACE or PUT refused gets the envelope too (HEAD's body is dropped by the container)
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        if (!generateAcceptableResponse(
                request,
                response,
                callback,
                "application/json",
                List.of(StandardCharsets.UTF_8),
                code,
                message,
                cause)) {
            callback.succeeded();
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(ErrorBodies.json(code, message));
    }

    /** The same for the servlet context: Jetty's servlet error handling (ee11) around the same envelope. */
    public static final class InContext extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        public InContext() {
            configure(this);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback)
                throws IOException {
            if (!generateAcceptableResponse(
                    request,
                    response,
                    callback,
                    "application/json",
                    List.of(StandardCharsets.UTF_8),
                    code,
                    message,
                    cause)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(ErrorBodies.json(code, message));
        }
    }
}
