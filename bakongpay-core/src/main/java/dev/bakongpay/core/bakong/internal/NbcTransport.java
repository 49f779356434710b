package dev.bakongpay.core.bakong.internal;

import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongUnauthorizedException;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.UpstreamException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POST to NBC with everything around it: bearer token (renewed once on 401 when possible),
 * timeouts, bounded jittered retries for reads, the circuit breaker, and the mapping of HTTP
 * outcomes to the envelope or to an {@link UpstreamException}.
 */
final class NbcTransport {

    private static final Logger LOG = LoggerFactory.getLogger(NbcTransport.class);
    private static final long MAX_BACKOFF_MS = 2_000;
    /** A retry needs at least this much of the budget left to be worth starting. */
    private static final long MIN_ATTEMPT_MS = 100;

    private static final long BACKSTOP_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** How a call may be repeated and authenticated. */
    enum Kind {
        /** Idempotent query: retried, bearer token. */
        READ,
        /** Not retried, bearer token. */
        WRITE,
        /** Not retried, no token (renew_token). */
        ANONYMOUS
    }

    private final BakongClientConfig config;
    private final HttpClient http;
    private final CircuitBreaker circuit;
    private final UpstreamMeters meters;
    private TokenKeeper tokens;

    NbcTransport(BakongClientConfig config, CircuitBreaker circuit, UpstreamMeters meters) {
        this.config = config;
        this.circuit = circuit;
        this.meters = meters;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.proxy() != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(
                    config.proxy().getHostString(), config.proxy().getPort())));
        }
        this.http = builder.build();
    }

    void tokens(TokenKeeper tokens) {
        this.tokens = tokens;
    }

    /** Posts and answers NBC's envelope (any responseCode); throws for everything that is not an answer. */
    NbcJson.Envelope post(String path, Object body, Kind kind) {
        return post(path, body, kind, Deadline.after(config.deadline()));
    }

    /**
     * As {@link #post(String, Object, Kind)}, within {@code deadline}: each attempt waits at most
     * the per-attempt timeout or what is left, whichever is shorter, and a retry (with its
     * backoff) starts only when time is left for it. A held connection therefore costs at most
     * the deadline, however many retries are configured.
     */
    NbcJson.Envelope post(String path, Object body, Kind kind, Deadline deadline) {
        byte[] json = NbcJson.write(body);
        if (kind != Kind.ANONYMOUS) {
            tokens.beforeCall(); // warns near expiry and renews ahead of time when it can
        }
        int attempts = 1 + (kind == Kind.READ ? config.maxRetries() : 0);
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            String token = kind == Kind.ANONYMOUS ? null : tokens.current();
            try {
                return attempt(path, json, token, deadline);
            } catch (BakongUnauthorizedException e) {
                if (kind == Kind.ANONYMOUS || renewed) {
                    throw e;
                }
                renewed = true;
                if (tokens.renewAfterRejection(token) == null) {
                    throw e;
                }
                attempt--; // the retry with a renewed token is not one of the bounded retries
            } catch (UpstreamException e) {
                if (attempt >= attempts || !retryable(e)) {
                    throw e;
                }
                long pause = backoffMillis(attempt);
                if (deadline.remaining().toMillis() - pause < MIN_ATTEMPT_MS) {
                    LOG.warn(
                            "NBC {} failed (attempt {} of {}); no retry: {} ms of the {} ms budget left: {}",
                            path,
                            attempt,
                            attempts,
                            deadline.remaining().toMillis(),
                            deadline.budget().toMillis(),
                            e.getMessage());
                    throw e;
                }
                LOG.warn("NBC {} failed (attempt {} of {}), retrying: {}", path, attempt, attempts, e.getMessage());
                sleep(pause);
            }
        }
    }

    private static boolean retryable(UpstreamException e) {
        if (e instanceof BakongTimeoutException || e instanceof MalformedAnswerException) {
            return true;
        }
        return e instanceof BakongUnavailableException && (e.httpStatus() == 0 || e.httpStatus() >= 500);
    }

    /** Full jitter: spreads the retries of many nodes over the window instead of in step. */
    private long backoffMillis(int attempt) {
        long base = config.retryBackoff().toMillis();
        if (base == 0) {
            return 0;
        }
        long ceiling = Math.min(MAX_BACKOFF_MS, base << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BakongUnavailableException("interrupted while waiting to retry NBC", 0, e);
        }
    }

    private NbcJson.Envelope attempt(String path, byte[] json, String token, Deadline deadline) {
        Duration timeout = min(config.requestTimeout(), deadline.remaining());
        if (timeout.toMillis() < 1) {
            throw new BakongTimeoutException(
                    "NBC did not answer " + path + " within the "
                            + deadline.budget().toMillis() + " ms budget of the operation",
                    null);
        }
        long started = System.nanoTime();
        String outcome = "error";
        try {
            circuit.acquire();
        } catch (RuntimeException e) {
            meters.record(path, "circuit_open", 0);
            throw e;
        }
        boolean recorded = false;
        try {
            HttpResponse<byte[]> response = send(path, json, token, timeout);
            outcome = UpstreamMeters.outcome(response.statusCode());
            // any HTTP answer means NBC (or its front) is reachable; only 5xx counts against it
            if (response.statusCode() >= 500) {
                circuit.recordFailure();
            } else {
                circuit.recordSuccess();
            }
            recorded = true;
            return interpret(path, response);
        } catch (BakongTimeoutException | BakongConnectionException e) {
            outcome = e instanceof BakongTimeoutException ? "timeout" : "connection_error";
            circuit.recordFailure();
            recorded = true;
            throw e;
        } catch (MalformedAnswerException e) {
            outcome = "malformed";
            throw e;
        } finally {
            if (!recorded) {
                circuit.recordNeutral();
            }
            meters.record(path, outcome, System.nanoTime() - started);
        }
    }

    private HttpResponse<byte[]> send(String path, byte[] json, String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // the request timeout normally ends a held exchange; waiting on the future with a little
        // grace is the backstop for stages it does not cover (connecting through a stuck proxy)
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(request.build(), BoundedBody.handler(NbcJson.MAX_BODY_BYTES));
        try {
            return exchange.get(timeout.toNanos() + BACKSTOP_GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(path, timeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof BoundedBody.TooLarge) {
                    throw new MalformedAnswerException(
                            "NBC's answer to " + path + " is larger than " + NbcJson.MAX_BODY_BYTES / 1024
                                    + " KiB; not read",
                            200);
                }
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new BakongConnectionException(
                        "cannot connect to NBC at " + config.baseUrl() + " within "
                                + config.connectTimeout().toMillis() + " ms" + viaProxy(),
                        cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(path, timeout, cause);
            }
            // the cause's class and stack go to the log with the exception; the message stays plain words
            throw new BakongConnectionException(
                    "cannot reach NBC at " + config.baseUrl() + viaProxy() + ": " + plain(cause), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new BakongUnavailableException("interrupted while calling NBC", 0, e);
        }
    }

    /** What went wrong, in words: a connection failure's message without exception class names. */
    static String plain(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException
                || cause instanceof java.net.UnknownHostException) {
            return "host not found";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS failed";
        }
        if (cause instanceof java.io.EOFException) {
            return "connection closed before an answer";
        }
        return "connection failed";
    }

    private static BakongTimeoutException timedOut(String path, Duration timeout, Throwable cause) {
        return new BakongTimeoutException(
                "NBC did not answer " + path + " within " + timeout.toMillis() + " ms", cause);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private String viaProxy() {
        return config.proxy() == null
                ? ""
                : " through proxy " + config.proxy().getHostString() + ":"
                        + config.proxy().getPort();
    }

    private static NbcJson.Envelope interpret(String path, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        var envelope = NbcJson.envelope(response.body());
        if (status == 401
                || envelope.map(e -> Integer.valueOf(6).equals(e.errorCode())).orElse(false)) {
            throw new BakongUnauthorizedException(
                    "NBC refused the token for " + path + " (HTTP " + status
                            + ", errorCode 6): it is missing, wrong or expired",
                    status);
        }
        if (status >= 200 && status < 300) {
            return envelope.orElseThrow(() -> new MalformedAnswerException(
                    "NBC's answer to " + path + " is not its JSON envelope (HTTP " + status + ")", status));
        }
        String detail = envelope.map(e -> ": " + e.describe()).orElse("");
        if (status == 403) {
            throw new BakongUnavailableException(
                    "NBC refused " + path + " with HTTP 403" + detail
                            + " (NBC answers only Cambodian networks: configure a proxy there)",
                    403,
                    null);
        }
        throw new BakongUnavailableException("NBC answered " + path + " with HTTP " + status + detail, status, null);
    }

    /** No connection (refused, reset, DNS, connect timeout): retryable, counts against the circuit. */
    static final class BakongConnectionException extends BakongUnavailableException {
        BakongConnectionException(String message, Throwable cause) {
            super(message, 0, cause);
        }
    }
}
