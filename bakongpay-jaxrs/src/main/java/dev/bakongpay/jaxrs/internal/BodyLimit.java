package dev.bakongpay.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413: at once from {@code Content-Length}, and while
 * reading for chunked bodies that do not announce their size. No endpoint needs more than a few
 * KiB; a large body is a mistake or an attack.
 */
@Provider
@PreMatching
@Priority(Priorities.USER)
public final class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {
    private final int maxBytes;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) throw tooLarge();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "The request body must be at most " + maxBytes + " bytes");
    }

    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) throw tooLarge();
        }
    }
}
