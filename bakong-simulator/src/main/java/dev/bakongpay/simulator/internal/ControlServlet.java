package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.simulator.Fault;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /simulator/}: act as the paying customer, look at what NBC holds,
 * and inject chaos. It answers in NBC's envelope too (so one JSON reader serves both APIs), with
 * messages that say what to change. It is not counted in the call stats. {@link RequestGuard}
 * screens every request first: cross-site callers, non-JSON bodies and, when one is configured,
 * callers without the control token are refused before anything is read.
 */
final class ControlServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServlet.class);

    private final transient SimulatorEngine engine;
    private final transient RequestGuard guard;

    ControlServlet(SimulatorEngine engine, RequestGuard guard) {
        this.engine = engine;
        this.guard = guard;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = request.getMethod() + " " + (request.getPathInfo() == null ? "/" : request.getPathInfo());
        NbcAnswer refused = guard.refuseControl(request, route);
        if (refused != null) {
            LOG.info(
                    "control request {} refused ({}): {}",
                    route.replaceAll("[^\\x20-\\x7E]", "?"),
                    refused.httpStatus(),
                    refused.responseMessage());
            if (refused.httpStatus() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"bakong-simulator-control\"");
            }
            HttpIo.write(response, refused);
            return;
        }
        try {
            HttpIo.write(response, route(route, request));
        } catch (RefusedRequest e) {
            HttpIo.write(response, e.answer());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // well-formed but too big to read safely (a number of over 1000 digits...)
            HttpIo.write(
                    response,
                    NbcAnswer.failure(
                            400,
                            NbcAnswer.MISSING_FIELDS,
                            "a value in the body is too large: " + e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            HttpIo.write(
                    response,
                    NbcAnswer.failure(
                            400, NbcAnswer.MISSING_FIELDS, "the request is not valid: " + e.getOriginalMessage()));
        } catch (IOException e) {
            HttpIo.write(
                    response,
                    NbcAnswer.failure(400, NbcAnswer.MISSING_FIELDS, "the body is not valid JSON: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            HttpIo.write(response, NbcAnswer.failure(400, NbcAnswer.MISSING_FIELDS, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("{} failed", route, e);
            HttpIo.write(response, NbcAnswer.failure(500, null, "the simulator failed: " + e));
        }
    }

    private NbcAnswer route(String route, HttpServletRequest request) throws IOException {
        if (route.startsWith("DELETE /faults/")) {
            String id = route.substring("DELETE /faults/".length());
            return engine.faults().remove(id)
                    ? done("Fault removed", null)
                    : NbcAnswer.failure(404, NbcAnswer.NOT_FOUND, "no fault with id " + id + " is in force");
        }
        switch (route) {
            case "POST /payments": {
                var payment = engine.desk().pay(ControlRequests.order(ControlRequests.fields(request)));
                return new NbcAnswer(201, 0, "Payment " + payment.status(), null, payment);
            }
            case "GET /transactions":
                return done("Transactions", engine.ledger().payments());
            case "DELETE /transactions":
                engine.ledger().clearPayments();
                return done("Transactions deleted", null);
            case "POST /qrs": {
                String qr = ControlRequests.fields(request).get("qr");
                if (qr == null) {
                    throw PaymentDesk.refuse(400, NbcAnswer.MISSING_FIELDS, "give the KHQR: \"qr\" or an image");
                }
                return done("KHQR read", engine.desk().submit(qr));
            }
            case "GET /qrs":
                return done("KHQRs seen", engine.ledger().qrs());
            case "POST /accounts": {
                String accountId = Fields.text(HttpIo.readJson(request), "accountId", 255);
                if (!AccountsAndTokens.accountIdWellFormed(accountId)) {
                    throw PaymentDesk.refuse(
                            400,
                            NbcAnswer.ACCOUNT_INVALID,
                            "accountId was '" + accountId + "' but it must look like name@bank, at most 32 characters");
                }
                engine.ledger().registerAccount(accountId);
                return new NbcAnswer(201, 0, "Account registered", null, Map.of("accountId", accountId));
            }
            case "GET /accounts":
                return done("Accounts", engine.ledger().accounts());
            case "POST /faults": {
                JsonNode body = HttpIo.readJson(request);
                Fault fault = Json.MAPPER.treeToValue(Fields.object(body), Fault.class);
                String id = engine.faults().inject(fault);
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", id);
                view.put("fault", fault);
                return new NbcAnswer(201, 0, "Fault injected", null, view);
            }
            case "GET /faults":
                return done("Faults in force", engine.faults().describe());
            case "DELETE /faults":
                engine.faults().clear();
                return done("Faults cleared", null);
            case "GET /stats":
                return done("Call counts", stats());
            case "DELETE /stats":
                engine.stats().clear();
                return done("Call counts cleared", null);
            case "GET /health":
                return done("UP", null);
            case "POST /reset":
                engine.reset();
                return done("Simulator reset", null);
            default:
                return NbcAnswer.failure(404, null, "no control endpoint " + route + "; see the module README");
        }
    }

    private Map<String, Object> stats() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("calls", engine.stats().calls());
        view.put("md5Checks", engine.stats().md5Checks());
        return view;
    }

    private static NbcAnswer done(String message, Object data) {
        return NbcAnswer.success(message, data);
    }
}
