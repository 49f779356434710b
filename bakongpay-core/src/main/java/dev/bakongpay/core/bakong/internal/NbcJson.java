package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.bakong.BakongUnavailableException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * NBC's JSON: request bodies out, the envelope and transactions in. The only place Jackson is
 * used in core. Anything that does not have the documented shape becomes a
 * {@link BakongUnavailableException} here, so callers never meet a null where NBC promised a value.
 */
final class NbcJson {

    // exact amounts: 0.1 must stay 0.1, not 0.1000000000000000055…
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private NbcJson() {
    }

    /** {@code {"responseCode","responseMessage","errorCode","data"}}. */
    record Envelope(int responseCode, String responseMessage, Integer errorCode, JsonNode data) {
        boolean ok() {
            return responseCode == 0;
        }

        String describe() {
            return "responseCode " + responseCode + ", errorCode " + errorCode + ", '" + responseMessage + "'";
        }
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    /** Parses an envelope; empty when the body is not one (the caller decides what that means). */
    static Optional<Envelope> envelope(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("responseCode").canConvertToInt()
                || !root.path("responseCode").isIntegralNumber()) {
            return Optional.empty();
        }
        JsonNode error = root.path("errorCode");
        if (!error.isMissingNode() && !error.isNull() && !error.isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(root.get("responseCode").intValue(), text(root, "responseMessage"),
                error.isIntegralNumber() ? error.intValue() : null, root.path("data")));
    }

    /** A transaction object; throws when a required field is missing or has the wrong type. */
    static BakongTransaction transaction(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw malformed(path + " answered without a transaction object");
        }
        String hash = text(node, "hash");
        String to = text(node, "toAccountId");
        String currency = text(node, "currency");
        BigDecimal amount = amount(node.get("amount"));
        if (hash == null || to == null || currency == null || amount == null) {
            throw malformed(path + " answered a transaction without hash, toAccountId, currency or a numeric amount");
        }
        return new BakongTransaction(hash, text(node, "fromAccountId"), to, currency, amount,
                text(node, "description"), millis(node, "createdDateMs", path), millis(node, "acknowledgedDateMs", path),
                text(node, "trackingStatus"), text(node, "receiverBank"), text(node, "receiverBankAccount"),
                text(node, "instructionRef"), text(node, "externalRef"));
    }

    /** A string field; null when absent or JSON null; numbers are accepted as their text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static BigDecimal amount(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long millis(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw malformed(path + " answered " + field + " that is not a whole number");
        }
        return v.longValue();
    }

    static BakongUnavailableException malformed(String message) {
        return new BakongUnavailableException("NBC's answer is malformed: " + message, 200, null);
    }
}
