package dev.bakongpay.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every answer of the API gets, whatever produced it:
 * <ul>
 * <li>{@code Cache-Control: no-store}, unless a resource chose its own;</li>
 * <li>the error envelope on an error the runtime answered without a body;</li>
 * <li>400 {@code bad_request} for an {@code Accept} header that does not parse, decided here:
 *     runtimes differ (Jersey answers 400 without a body, RESTEasy fails with its own exception
 *     type, which would be a 500). A {@code Content-Type} that does not parse never reaches the
 *     application: both runtimes' servlet layers refuse it with the container's 400 page;</li>
 * <li>a usable connection after an early refusal. A 401, 413 or 429 is decided before the body
 *     is read; the container then has to skip the rest of the body before the next request on
 *     the connection, and when that rest has not arrived yet it closes the connection after the
 *     answer, without saying so. So the body of a refused request is read here, as far as it has
 *     already arrived, and when some of it is still on its way the answer says
 *     {@code Connection: close}: the client never finds a kept-alive connection closed under it.
 *     Nothing here waits for a slow client.</li>
 * </ul>
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class EdgeFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String BODY = "bakongpay.body";
    private static final Annotation[] NONE = new Annotation[0];
    /** The most of an unread body skipped to keep a connection: more is cheaper to drop with the connection. */
    private static final long MAX_SKIP = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!acceptParses(request.getHeaders().get("Accept"))) {
            throw new ApiException(400, "bad_request", "The Accept header is malformed");
        }
        long length = request.getLength();
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (length > 0 || chunked) {
            Counted body = new Counted(request.getEntityStream(), length);
            request.setEntityStream(body);
            request.setProperty(BODY, body);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("Cache-Control"))
            response.getHeaders().putSingle("Cache-Control", "no-store");
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            response.setEntity(
                    HttpErrors.body(status, HttpErrors.message(status)), NONE, MediaType.APPLICATION_JSON_TYPE);
        }
        if (status >= 400 && request.getProperty(BODY) instanceof Counted body && !body.skipArrived()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /**
     * Whether each {@code Accept} value is a list of media ranges that parse, each with a
     * {@code q} of 0 to 1 when it has one (absent and empty parse: they accept anything).
     */
    static boolean acceptParses(List<String> values) {
        if (values == null) return true;
        for (String value : values) {
            if (value == null || COMMON_ACCEPT.contains(value)) continue;
            for (String range : value.split(",")) {
                // "a, , b": empty list elements are allowed; a bare "*" is old Java's "*/*" (HttpURLConnection sends
                // it)
                if (range.isBlank() || range.trim().equals("*") || range.trim().startsWith("*;")) continue;
                try {
                    String q = MediaType.valueOf(range.trim()).getParameters().get("q");
                    if (q != null && !(Q.matcher(q.trim()).matches() && Double.parseDouble(q.trim()) <= 1))
                        return false;
                } catch (RuntimeException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What clients send most, known to parse: spared the media-type parser on every request. */
    private static final Set<String> COMMON_ACCEPT =
            Set.of("application/json", "*/*", "application/json, */*", "application/json, text/plain, */*");

    private static final Pattern Q = Pattern.compile("[01]?(\\.[0-9]*)?");

    /** The request body, counting what is read, so that an answer knows how much is left. */
    private static final class Counted extends FilterInputStream {
        private final long length;
        private long read;
        private boolean ended;

        Counted(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) ended = true;
            else read++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) ended = true;
            else read += n;
            return n;
        }

        /** Reading stops at the answer; closing is the container's business (it still has to skip what is left). */
        @Override
        public void close() {}

        /**
         * Reads what is left of a body of known length as far as it has arrived, without
         * waiting; true when the whole body has then been read. A chunked body is only known
         * to be over once a read has seen its end.
         */
        boolean skipArrived() {
            if (ended) return true;
            if (length < 0) return false;
            if (length - read > MAX_SKIP) return false;
            byte[] buf = new byte[8192];
            try {
                while (read < length) {
                    int ready = in.available();
                    if (ready <= 0) return false;
                    int n = in.read(buf, 0, (int) Math.min(buf.length, Math.min(ready, length - read)));
                    if (n < 0) return false;
                    read += n;
                }
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
