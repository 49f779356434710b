package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.simulator.SimulatedPayment;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code check_transaction_by_*} endpoints. A payment exists for them only once it is
 * acknowledged on the simulator's clock, the way a fresh QR is "not found" at NBC until paid.
 */
final class TransactionLookups {

    static final int LIST_LIMIT = 50;

    private final Ledger ledger;
    private final CallStats stats;
    private final Clock clock;

    TransactionLookups(Ledger ledger, CallStats stats, Clock clock) {
        this.ledger = ledger;
        this.stats = stats;
        this.clock = clock;
    }

    NbcAnswer byMd5(JsonNode body) {
        String md5 = Fields.text(body, "md5", 255);
        stats.md5Checked(md5);
        return answer(visible(ledger.byMd5(md5)));
    }

    NbcAnswer byHash(JsonNode body) {
        return answer(visible(ledger.byHash(Fields.text(body, "hash", 255))));
    }

    NbcAnswer byShortHash(JsonNode body) {
        String shortHash = Fields.text(body, "hash", 8).toLowerCase(Locale.ROOT);
        if (shortHash.length() != 8) {
            throw Fields.refused("hash must be the first 8 characters of the transaction hash");
        }
        BigDecimal amount = Fields.number(body, "amount");
        String currency = Fields.text(body, "currency", 3);
        return answer(visible(ledger.first(p -> p.hash().startsWith(shortHash)
                && p.amount() != null
                && p.amount().compareTo(amount) == 0
                && currency.equals(p.currency()))));
    }

    NbcAnswer byInstructionRef(JsonNode body) {
        String ref = reference(body, "instructionRef");
        return answer(visible(ledger.first(p -> ref.equals(p.instructionRef()))));
    }

    NbcAnswer byExternalRef(JsonNode body) {
        String ref = reference(body, "externalRef");
        return answer(visible(ledger.first(p -> ref.equals(p.externalRef()))));
    }

    NbcAnswer byMd5List(JsonNode body) {
        return list(body, "md5", md5 -> {
            stats.md5Checked(md5);
            return ledger.byMd5(md5);
        });
    }

    NbcAnswer byHashList(JsonNode body) {
        return list(body, "hash", ledger::byHash);
    }

    private interface Finder {
        Optional<SimulatedPayment> find(String key);
    }

    private NbcAnswer list(JsonNode body, String keyName, Finder finder) {
        if (body == null || !body.isArray()) {
            throw Fields.refused("the body must be a JSON array of " + keyName + " strings");
        }
        if (body.size() > LIST_LIMIT) {
            throw Fields.refused("at most " + LIST_LIMIT + " items per request, got " + body.size());
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode item : body) {
            if (!item.isTextual()
                    || item.textValue().isBlank()
                    || item.textValue().length() > 255) {
                throw Fields.refused("every item must be a non-empty string");
            }
            keys.add(item.textValue());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String key : keys) {
            Optional<SimulatedPayment> payment = visible(finder.find(key));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(keyName, key);
            if (payment.isEmpty()) {
                item.put("status", "NOT_FOUND");
                item.put("message", "Transaction could not be found. Please check and try again.");
                item.put("data", null);
            } else if (payment.get().succeeded()) {
                item.put("status", "SUCCESS");
                item.put("message", "Getting transaction successfully.");
                item.put("data", nbcView(payment.get()));
            } else {
                item.put("status", "FAILED");
                item.put("message", "Transaction failed.");
                item.put("data", null);
            }
            items.add(item);
        }
        return NbcAnswer.success("Getting transaction successfully.", items);
    }

    /** Third-party clients send {@code {"ref": …}}, PHP's sends the field by its name: take both. */
    private static String reference(JsonNode body, String namedField) {
        String ref = Fields.optionalText(body, "ref", 255);
        return ref != null ? ref : Fields.text(body, namedField, 255);
    }

    private Optional<SimulatedPayment> visible(Optional<SimulatedPayment> payment) {
        long now = clock.millis();
        return payment.filter(p -> p.visibleAt(now));
    }

    private static NbcAnswer answer(Optional<SimulatedPayment> payment) {
        if (payment.isEmpty()) {
            return NbcAnswer.transactionNotFound();
        }
        return payment.get().succeeded()
                ? NbcAnswer.transactionFound(nbcView(payment.get()))
                : NbcAnswer.transactionFailed();
    }

    /** The transaction as NBC's {@code data}, in NBC's field order, without the simulator's own fields. */
    static Map<String, Object> nbcView(SimulatedPayment p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hash", p.hash());
        data.put("fromAccountId", p.fromAccountId());
        data.put("toAccountId", p.toAccountId());
        data.put("currency", p.currency());
        data.put("amount", p.amount());
        data.put("description", p.description());
        data.put("createdDateMs", p.createdDateMs());
        data.put("acknowledgedDateMs", p.acknowledgedDateMs());
        data.put("trackingStatus", p.trackingStatus());
        data.put("receiverBank", p.receiverBank());
        data.put("receiverBankAccount", p.receiverBankAccount());
        data.put("instructionRef", p.instructionRef());
        data.put("externalRef", p.externalRef());
        return data;
    }
}
