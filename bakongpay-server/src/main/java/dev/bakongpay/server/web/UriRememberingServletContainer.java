package dev.bakongpay.server.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.internal.util.collection.Value;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's servlet, remembering the base and request URIs it built for recent request lines.
 * Jersey builds both from the request's strings on every request (a URI builder, {@code
 * java.net.URI} parsing, a check of the host: about 3 % of a final-status check's CPU in a
 * profile), and they are a function of those strings alone: the request URL, the context and
 * servlet paths, the request URI and the query. A request whose strings were seen before goes
 * straight to Jersey with the URIs built then; any other goes through Jersey's own path, which
 * also refuses what it cannot parse. At most {@value #MAX_ENTRIES} are kept, none longer than
 * {@value #MAX_KEY_CHARS} characters, so no caller can make it hold much; when full it starts over.
 */
final class UriRememberingServletContainer extends ServletContainer {
    static final int MAX_ENTRIES = 128;
    static final int MAX_KEY_CHARS = 1024;

    private final transient ConcurrentHashMap<RequestLine, URI[]> known = new ConcurrentHashMap<>();
    /** The request line being served by Jersey's own path, to be remembered with what it builds. */
    private final transient ThreadLocal<RequestLine> building = new ThreadLocal<>();

    UriRememberingServletContainer(ResourceConfig config) {
        super(config);
    }

    private record RequestLine(String url, String basePath, String uri, String query) {
        static RequestLine of(HttpServletRequest request) {
            return new RequestLine(
                    request.getRequestURL().toString(),
                    request.getContextPath() + request.getServletPath(),
                    request.getRequestURI(),
                    request.getQueryString());
        }

        int chars() {
            return url.length() + basePath.length() + uri.length() + (query == null ? 0 : query.length());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        RequestLine line = RequestLine.of(request);
        URI[] uris = known.get(line);
        if (uris != null) {
            super.service(uris[0], uris[1], request, response);
            return;
        }
        building.set(line.chars() <= MAX_KEY_CHARS ? line : null);
        try {
            super.service(request, response); // builds the URIs, then calls service(URI, URI, …) below
        } finally {
            building.remove();
        }
    }

    @Override
    public Value<Integer> service(URI baseUri, URI requestUri, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        RequestLine line = building.get();
        if (line != null) {
            building.remove();
            if (known.size() >= MAX_ENTRIES) known.clear();
            known.putIfAbsent(line, new URI[] {baseUri, requestUri});
        }
        return super.service(baseUri, requestUri, request, response);
    }

    /** How many request lines are remembered (for tests). */
    int remembered() {
        return known.size();
    }
}
