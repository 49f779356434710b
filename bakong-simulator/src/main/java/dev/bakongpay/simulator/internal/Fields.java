package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Reads request fields the strict way NBC documents them. A field that is absent, empty, of the
 * wrong JSON type or too long is refused with errorCode 5, the only "bad request" code NBC has.
 */
final class Fields {

    private Fields() {}

    static String text(JsonNode body, String field, int maxLength) {
        String value = optionalText(body, field, maxLength);
        if (value == null) {
            throw refused(field + " is required");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field, int maxLength) {
        JsonNode node = object(body).get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > maxLength) {
            throw refused(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return node.textValue();
    }

    static BigDecimal number(JsonNode body, String field) {
        JsonNode node = object(body).get(field);
        if (node == null || node.isNull()) {
            throw refused(field + " is required");
        }
        // judged by size before any arithmetic: 1e2000000 is refused at once, never compared or printed
        if (node.isNumber()) {
            if (!AmountBounds.fits(node.decimalValue())) {
                throw refused(field + " must be " + AmountBounds.RULE);
            }
            return node.decimalValue();
        }
        // NBC's tables type the amount as a string while its samples send a number: take both
        if (node.isTextual()) {
            try {
                return AmountBounds.parse(field, node.textValue());
            } catch (RefusedRequest e) {
                throw refused(field + " must be " + AmountBounds.RULE);
            }
        }
        throw refused(field + " must be a number");
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw refused("the body must be a JSON object");
        }
        return body;
    }

    static RefusedRequest refused(String why) {
        return new RefusedRequest(NbcAnswer.missingFields(), why);
    }
}
