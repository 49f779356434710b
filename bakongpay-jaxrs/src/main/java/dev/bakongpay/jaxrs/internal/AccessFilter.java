package dev.bakongpay.jaxrs.internal;

import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.RateLimitExceededException;
import dev.bakongpay.jaxrs.ApiKeys;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.StoreException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer API key → merchant, then the plan's rate limit. Runs before matching, so unknown paths
 * and wrong methods are limited and answered with the same headers as real calls; a method no
 * endpoint serves (TRACE, PUT, DELETE, PATCH…) skips the key and gets its 405 at once. The rate-limit
 * headers ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset}) go on every answer to an
 * authenticated request. A failing limiter store lets requests through: refusing all payments
 * because a counter is down would hurt more than a burst.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    private static final String DECISION = "bakongpay.rateLimit";
    /** lastUsedAt is for humans; writing it on every request would double the store's load. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String PUBLIC_PATH = "openapi.json";
    /** The methods some endpoint serves (HEAD and OPTIONS come with GET and every path). */
    private static final java.util.Set<String> SERVED_METHODS = java.util.Set.of("GET", "HEAD", "POST", "OPTIONS");

    private final BakongPayRuntime runtime;

    public AccessFilter(BakongPayRuntime runtime) {
        this.runtime = runtime;
        for (dev.bakongpay.spi.Plan plan :
                dev.bakongpay.spi.Plan.values()) { // a series per plan from the start, at zero
            runtime.meterRegistry()
                    .counter("bakongpay.ratelimit.rejections", "plan", dev.bakongpay.core.metrics.Meters.tag(plan));
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals(PUBLIC_PATH) || path.equals("/" + PUBLIC_PATH)) return;
        // TRACE, PUT, DELETE, PATCH…: no endpoint serves them, so they cost nothing and answer 405
        // (404 on an unknown path) with Allow, key or no key
        if (!SERVED_METHODS.contains(request.getMethod())) return;
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(
                    "missing_api_key", "Send your API key as 'Authorization: Bearer bk_live_…' (or bk_test_…)");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !ApiKeys.wellFormed(header.substring(7).strip())) {
            throw unauthorized(
                    "invalid_api_key",
                    "The Authorization header must be 'Bearer ' followed by a bk_live_… or bk_test_… key");
        }
        String hash = ApiKeys.hash(header.substring(7).strip());
        Optional<ApiKeyRecord> found = runtime.apiKeys().findByHash(hash);
        // the store looked the key up by hash; compare again in constant time so timing reveals nothing
        if (found.isEmpty()
                || !MessageDigest.isEqual(
                        found.get().keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("invalid_api_key", "This API key is not known");
        }
        ApiKeyRecord key = found.get();
        Instant now = runtime.clock().instant();
        switch (key.state(now)) {
            case REVOKED -> throw unauthorized("api_key_revoked", "This API key has been revoked");
            case EXPIRED ->
                throw unauthorized(
                        "api_key_expired", "This API key expired (it was rotated); use the key that replaced it");
            default -> {}
        }
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            runtime.apiKeys().touch(hash, now);
        }
        Merchant merchant = new Merchant(key.merchantId(), key.plan(), key.mode());
        request.setSecurityContext(new MerchantSecurityContext(
                merchant, request.getSecurityContext().isSecure()));
        RateLimitDecision decision;
        try {
            decision = runtime.rateLimiter()
                    .tryAcquire("key:" + hash, runtime.rateLimits().get(key.plan()));
        } catch (StoreException e) {
            LOG.warn("rate limiter unavailable, letting the request through: {}", e.getMessage());
            return;
        }
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            runtime.meterRegistry()
                    .counter(
                            "bakongpay.ratelimit.rejections", "plan", dev.bakongpay.core.metrics.Meters.tag(key.plan()))
                    .increment();
            throw new RateLimitExceededException(decision);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision d) {
            Instant now = runtime.clock().instant();
            long reset = Math.max(0, (Duration.between(now, d.resetAt()).toMillis() + 999) / 1000);
            response.getHeaders().putSingle("RateLimit-Limit", String.valueOf(d.limit()));
            response.getHeaders().putSingle("RateLimit-Remaining", String.valueOf(d.remaining()));
            response.getHeaders().putSingle("RateLimit-Reset", String.valueOf(reset));
        }
    }

    private static ApiException unauthorized(String code, String message) {
        return new ApiException(
                401, code, message, java.util.List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"bakongpay\""));
    }
}
