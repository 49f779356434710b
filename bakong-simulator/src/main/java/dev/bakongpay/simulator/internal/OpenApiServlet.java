package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NBC's Bakong Open API under {@code /v1/}: counts the call, applies the faults in force, checks
 * the Bearer token, then answers in NBC's envelope. No input makes it answer 500 on its own.
 */
final class OpenApiServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiServlet.class);

    /**
     * NBC's document lists no Authorization header for the first two; NBC's official JS SDK calls
     * check_bakong_account without one, and NBC answers it.
     */
    private static final Set<String> WITHOUT_TOKEN =
            Set.of("/v1/renew_token", "/v1/generate_deeplink_by_qr", "/v1/check_bakong_account");

    private interface Endpoint {
        NbcAnswer answer(JsonNode body, HttpServletRequest request);
    }

    private final transient CallStats stats;
    private final transient FaultInjector faults;
    private final transient TokenRegistry tokens;
    private final transient Map<String, Endpoint> endpoints;

    private final java.util.Set<AsyncContext> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OpenApiServlet(
            TransactionLookups lookups,
            AccountsAndTokens accounts,
            TokenRegistry tokens,
            FaultInjector faults,
            CallStats stats) {
        this.stats = stats;
        this.faults = faults;
        this.tokens = tokens;
        this.endpoints = Map.of(
                "/v1/check_transaction_by_md5", (body, req) -> lookups.byMd5(body),
                "/v1/check_transaction_by_md5_list", (body, req) -> lookups.byMd5List(body),
                "/v1/check_transaction_by_hash", (body, req) -> lookups.byHash(body),
                "/v1/check_transaction_by_hash_list", (body, req) -> lookups.byHashList(body),
                "/v1/check_transaction_by_short_hash", (body, req) -> lookups.byShortHash(body),
                "/v1/check_transaction_by_instruction_ref", (body, req) -> lookups.byInstructionRef(body),
                "/v1/check_transaction_by_external_ref", (body, req) -> lookups.byExternalRef(body),
                "/v1/check_bakong_account", (body, req) -> accounts.checkAccount(body),
                "/v1/renew_token", (body, req) -> accounts.renewToken(body),
                "/v1/generate_deeplink_by_qr", (body, req) -> accounts.deeplink(body, HttpIo.baseUrl(req)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = "/v1" + (request.getPathInfo() == null ? "" : request.getPathInfo());
        stats.call(path);
        FaultInjector.Plan plan = faults.plan(path);
        if (plan.latencyMs() > 0 && !pause(plan.latencyMs())) {
            return;
        }
        if (plan.outcome() != null) {
            sabotage(plan, request, response);
            return;
        }
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            HttpIo.write(response, NbcAnswer.failure(404, null, "Not found"));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            HttpIo.write(response, NbcAnswer.failure(405, null, "Method not allowed"));
            return;
        }
        if (!WITHOUT_TOKEN.contains(path) && !tokens.authorizes(request.getHeader("Authorization"))) {
            HttpIo.write(response, NbcAnswer.unauthorized());
            return;
        }
        HttpIo.write(response, answer(endpoint, path, request));
    }

    private NbcAnswer answer(Endpoint endpoint, String path, HttpServletRequest request) {
        try {
            JsonNode body = HttpIo.readJson(request);
            return endpoint.answer(body, request);
        } catch (IOException e) {
            LOG.info("{} refused: the body is not JSON ({})", path, e.getMessage());
            return NbcAnswer.missingFields();
        } catch (RefusedRequest e) {
            LOG.info("{} refused: {}", path, e.getMessage());
            return e.answer();
        } catch (RuntimeException e) {
            LOG.warn("{} failed", path, e);
            return NbcAnswer.failure(500, null, "Internal server error");
        }
    }

    private void sabotage(FaultInjector.Plan plan, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        switch (plan.outcome()) {
            case SERVER_ERROR -> {
                // what the load balancer in front of NBC sends: HTML, not NBC's envelope
                byte[] page = ("<html><body><h1>" + plan.status() + " Service unavailable</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                response.setStatus(plan.status());
                response.setContentType("text/html;charset=utf-8");
                response.getOutputStream().write(page);
            }
            case MALFORMED_BODY -> {
                byte[] cut =
                        "{\"responseCode\":0,\"responseMessage\":\"Getting transaction successfully.\",\"errorCode\":null,\"data\":{\"hash\":\""
                                .getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType("application/json");
                response.getOutputStream().write(cut);
            }
            case TOKEN_EXPIRED -> HttpIo.write(response, NbcAnswer.unauthorized());
            case TIMEOUT -> holdBack(plan.holdMs(), request);
            default -> throw new IllegalStateException("not an answer-replacing fault: " + plan.outcome());
        }
    }

    /**
     * Ends every held call now with its 504, as when the hold runs out: the simulator stops
     * cleanly (and at once) even while a TIMEOUT fault holds connections open.
     */
    void releaseHeld() {
        for (AsyncContext async : held) {
            if (held.remove(async)) {
                try {
                    ((HttpServletResponse) async.getResponse()).setStatus(504);
                    async.complete();
                } catch (RuntimeException e) {
                    // already completed or the client is gone: nothing to release
                }
            }
        }
    }

    /** Keeps the call open without a thread; the client's own timeout is meant to fire first. */
    private void holdBack(long holdMs, HttpServletRequest request) {
        AsyncContext async = request.startAsync();
        async.setTimeout(Math.max(1, holdMs));
        held.add(async);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                held.remove(event.getAsyncContext());
                ((HttpServletResponse) event.getSuppliedResponse()).setStatus(504);
                event.getAsyncContext().complete();
            }

            @Override
            public void onComplete(AsyncEvent event) {
                held.remove(event.getAsyncContext());
            }

            @Override
            public void onError(AsyncEvent event) {
                held.remove(event.getAsyncContext());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
