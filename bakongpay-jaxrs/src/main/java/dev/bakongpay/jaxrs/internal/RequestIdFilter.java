package dev.bakongpay.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a
 * fresh UUID. It goes back in the answer and into the SLF4J MDC as {@code requestId}, so one id
 * ties a client's report to our log lines. Logs one line per request.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /**
     * The request attribute in which a servlet filter in front hands over the id it chose (the
     * reference server's {@code RequestIdServletFilter}); taken when it is a sane id.
     */
    public static final String ASSIGNED_ATTRIBUTE = "dev.bakongpay.requestId";

    private static final String STARTED = "bakongpay.started";
    /** Set when this filter put the id into the MDC, so it takes it out again (absent: a filter in front did). */
    private static final String MDC_PUT_HERE = "bakongpay.mdcPutHere";

    private static final int MAX_ID_LENGTH = 128;
    private static final Logger LOG = LoggerFactory.getLogger("dev.bakongpay.jaxrs.access");

    @Override
    public void filter(ContainerRequestContext request) {
        // a servlet filter in front may have chosen the id already (a request attribute is a
        // property here): cheaper than a request wrapper that adds the header
        String id = request.getProperty(ASSIGNED_ATTRIBUTE) instanceof String assigned && sane(assigned)
                ? assigned
                : idFor(request.getHeaderString(HEADER));
        request.setProperty(MDC_KEY, id);
        // each property costs a request attribute in a servlet container: only those that serve
        if (LOG.isInfoEnabled()) request.setProperty(STARTED, System.nanoTime());
        // a servlet filter in front (the reference server's) may have put the id already; it then
        // also takes it out, after the last line of the request
        if (!id.equals(MDC.get(MDC_KEY))) {
            MDC.put(MDC_KEY, id);
            request.setProperty(MDC_PUT_HERE, Boolean.TRUE);
        }
    }

    /** The caller's {@code X-Request-Id} when it is a sane token, else a fresh id. */
    public static String idFor(String given) {
        return sane(given) ? given : newId();
    }

    /** 1 to 128 of {@code [A-Za-z0-9._:-]}: safe in a header, a log line and a JSON string. */
    private static boolean sane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!ok) return false;
        }
        return true;
    }

    /**
     * A random UUID (version 4) for correlation, not for secrecy: {@link UUID#randomUUID()} would
     * take the JVM's one SecureRandom lock on every request, the longest wait under load.
     */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) response.getHeaders().putSingle(HEADER, id.toString());
        // the arguments cost more than the line (the request URI is built for it): only when it is written
        if (LOG.isInfoEnabled()) {
            Object started = request.getProperty(STARTED);
            long ms = started instanceof Long s ? (System.nanoTime() - s) / 1_000_000 : -1;
            LOG.info(
                    "{} {} -> {} ({} ms)",
                    request.getMethod(),
                    request.getUriInfo().getRequestUri().getPath(),
                    response.getStatus(),
                    ms);
        }
        if (request.getProperty(MDC_PUT_HERE) != null) MDC.remove(MDC_KEY);
    }
}
