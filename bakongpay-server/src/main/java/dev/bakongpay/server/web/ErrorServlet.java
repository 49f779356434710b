package dev.bakongpay.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's JSON envelope for an error, as a servlet. In the WAR it is the error page (declared
 * in this jar's {@code web-fragment.xml}): the container's errors inside the web application (an
 * unmapped path, a {@code sendError}, an exception a servlet let out) answer the envelope instead
 * of the container's HTML page; a web application's own {@code web.xml} error pages take
 * precedence. The executable JAR does the same with {@link JsonErrorHandler}, which also covers
 * what fails before a request reaches the context, and maps this servlet at {@code /}: a path
 * nothing serves is a 404, whatever the method. Outside an error dispatch it answers 404.
 */
public final class ErrorServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer s && s >= 400 && s <= 599 ? s : HttpServletResponse.SC_NOT_FOUND;
        Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(code);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = ErrorBodies.json(code, reason instanceof String r ? r : null)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
