package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.internal.PrintableText;
import dev.bakongpay.core.json.JsonMappers;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NBC's JSON: request bodies out, the envelope and transactions in. With the mapper factory
 * ({@link JsonMappers}), the only place Jackson is used in core. NBC's answers are untrusted input, read in two steps:
 * <ol>
 *   <li>{@link #tree} reads a body of at most {@link #MAX_BODY_BYTES} and at most
 *       {@link #MAX_DEPTH} levels into a tree <em>without converting any number</em>: a number is
 *       judged by the length of its text and of its exponent first, and one that is too long or
 *       too large becomes an {@link OutOfRange} marker, never a {@code BigDecimal} that later
 *       arithmetic could expand. A key given twice becomes a {@link #DUPLICATE} marker.</li>
 *   <li>{@link #transaction} judges one payment; anything that is not a sane payment throws
 *       {@link Unusable} with a short reason in our own words, so one bad payment costs the
 *       answer about that payment only.</li>
 * </ol>
 */
final class NbcJson {

    /** The largest answer read; a larger one is an unusable answer. A list of 50 payments is about 30 KB. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** NBC's answers are 3 levels deep; deeper nesting is an unusable answer. */
    static final int MAX_DEPTH = 32;
    /** A number with a longer text is out of range, whatever its value. */
    static final int MAX_NUMBER_CHARS = 64;
    /** Digits before and after the point a number may have (1e100 has 101 before). */
    static final int MAX_NUMBER_DIGITS = 100;
    /** Account ids and references: the store keeps 128 characters. */
    static final int MAX_ID_CHARS = 128;
    /** Free text we only log or pass on (messages, descriptions); longer is dropped. */
    static final int MAX_INFO_CHARS = 1024;
    /** Epoch milliseconds up to 9999-12-31T23:59:59.999Z. */
    static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    /** For writing request bodies (and reading the token's own payload); NBC's answers go through {@link #READER}. */
    static final ObjectMapper MAPPER = JsonMappers.standard();

    private static final JsonFactory READER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_BODY_BYTES) // judged here, from its text, not by the parser
                    .maxStringLength(MAX_BODY_BYTES)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A JSON number too long or too large to be any amount, kept as (the start of) its text. */
    record OutOfRange(String text) {}

    /** The value of a key NBC gave twice in one object: neither value is trusted. */
    static final Object DUPLICATE = new Object() {
        @Override
        public String toString() {
            return "a key given twice";
        }
    };

    /** NBC's answer about one payment is not a sane payment; the message says why, in our words. */
    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private NbcJson() {}

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
        JsonNode root = tree(body).orElse(null);
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode code = root.path("responseCode");
        if (!code.isIntegralNumber() || !code.canConvertToInt()) {
            return Optional.empty();
        }
        JsonNode error = root.path("errorCode");
        if (!error.isMissingNode() && !error.isNull() && (!error.isIntegralNumber() || !error.canConvertToInt())) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(
                code.intValue(),
                message(root, "responseMessage"),
                error.isIntegralNumber() ? error.intValue() : null,
                root.path("data")));
    }

    /**
     * The body as a tree, numbers judged by their text before any conversion; empty when it is
     * not one JSON value, is deeper than {@link #MAX_DEPTH} or larger than {@link #MAX_BODY_BYTES}.
     */
    static Optional<JsonNode> tree(byte[] body) {
        if (body == null || body.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (JsonParser p = READER.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            JsonNode root = read(p, first);
            return p.nextToken() == null ? Optional.of(root) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static JsonNode read(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of input");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new IOException("expected a field name");
                    }
                    String name = p.currentName();
                    JsonNode value = read(p, p.nextToken());
                    object.set(name, object.has(name) ? NODES.pojoNode(DUPLICATE) : value);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(read(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(p.getText(), token == JsonToken.VALUE_NUMBER_INT);
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected token " + token);
        }
    }

    /**
     * A JSON number's text (already valid JSON number syntax) as a node: its size is judged on the
     * text alone (length, exponent digits), then on the exact value's digits; anything beyond
     * becomes {@link OutOfRange}. The cost is bounded by {@link #MAX_NUMBER_CHARS} whatever the input.
     */
    static JsonNode number(String text, boolean integral) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return outOfRange(text);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0) {
            int digits = e + 1;
            if (digits < text.length() && (text.charAt(digits) == '+' || text.charAt(digits) == '-')) {
                digits++;
            }
            while (digits < text.length() - 1 && text.charAt(digits) == '0') {
                digits++;
            }
            if (text.length() - digits > 4) { // |exponent| ≥ 10,000: beyond any amount, and not worth converting
                return outOfRange(text);
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text); // at most 64 characters and a 4-digit exponent: cheap and small
        } catch (NumberFormatException ex) {
            return outOfRange(text);
        }
        if (value.signum() == 0) {
            return integral ? NODES.numberNode(0) : NODES.numberNode(BigDecimal.ZERO);
        }
        if (value.scale() > MAX_NUMBER_DIGITS || value.precision() - value.scale() > MAX_NUMBER_DIGITS) {
            return outOfRange(text);
        }
        if (integral) {
            if (value.precision() - value.scale() <= 18) {
                long v = value.longValueExact();
                return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
            }
            return NODES.numberNode(value.toBigIntegerExact());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode outOfRange(String text) {
        return NODES.pojoNode(new OutOfRange(text.length() <= 24 ? text : text.substring(0, 24) + "…"));
    }

    /**
     * One payment. Judged strictly where the payment is decided or recorded (hash, toAccountId,
     * currency, amount, fromAccountId, externalRef, instructionRef, acknowledgedDateMs):
     * missing where required, of the wrong type, too long, or a number out of range throws
     * {@link Unusable}. Fields only passed on (description, trackingStatus, receiver bank,
     * createdDateMs) are dropped when odd. The amount must be a JSON number; whether it is
     * <em>the</em> amount is the payment layer's decision.
     */
    static BakongTransaction transaction(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Unusable("the payment is not a JSON object");
        }
        String hash = required(node, "hash", 64);
        if (!HASH.matcher(hash).matches()) {
            throw new Unusable("hash is not 64 hex digits");
        }
        String to = required(node, "toAccountId", MAX_ID_CHARS);
        String currency = required(node, "currency", 16);
        BigDecimal amount = amount(node.get("amount"));
        return new BakongTransaction(
                hash,
                optional(node, "fromAccountId"),
                to,
                currency,
                amount,
                info(node, "description"),
                infoMillis(node, "createdDateMs"),
                millis(node, "acknowledgedDateMs"),
                info(node, "trackingStatus"),
                info(node, "receiverBank"),
                info(node, "receiverBankAccount"),
                optional(node, "instructionRef"),
                optional(node, "externalRef"));
    }

    /** A string field; null when absent, JSON null or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /** A message for logs and describe(): a string, cut to 200 characters and stripped of control characters. */
    static String message(JsonNode node, String field) {
        String s = text(node, field);
        return s == null ? null : printable(s, 200);
    }

    /** {@code s} made safe to log or show (see {@link PrintableText}). */
    static String printable(String s, int max) {
        return PrintableText.of(s, max);
    }

    private static String required(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new Unusable(field + " is missing");
        }
        String s = string(v, field, max);
        if (s.isBlank()) {
            throw new Unusable(field + " is blank");
        }
        return s;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = string(v, field, MAX_ID_CHARS);
        return s.isBlank() ? null : s;
    }

    private static String string(JsonNode v, String field, int max) {
        if (!v.isTextual()) {
            throw new Unusable(field + " is " + kind(v) + ", not a string");
        }
        String s = v.textValue();
        if (s.length() > max) {
            throw new Unusable(field + " is longer than " + max + " characters");
        }
        if (!printable(s, max).equals(s)) {
            throw new Unusable(field + " has control or format characters");
        }
        return s;
    }

    /** Passed on, never decided on: odd values are dropped instead of failing the payment. */
    private static String info(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && v.textValue().length() <= MAX_INFO_CHARS ? v.textValue() : null;
    }

    private static BigDecimal amount(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new Unusable("amount is missing");
        }
        if (v.isPojo() && ((com.fasterxml.jackson.databind.node.POJONode) v).getPojo() instanceof OutOfRange o) {
            throw new Unusable("amount " + o.text() + " is out of range");
        }
        if (!v.isNumber()) {
            throw new Unusable("amount is " + kind(v) + ", not a number");
        }
        return v.decimalValue(); // bounded by number(): at most 100 digits before and after the point
    }

    private static Long millis(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0 || v.longValue() > MAX_EPOCH_MILLIS) {
            throw new Unusable(field + " is not epoch milliseconds");
        }
        return v.longValue();
    }

    private static Long infoMillis(JsonNode node, String field) {
        try {
            return millis(node, field);
        } catch (Unusable e) {
            return null;
        }
    }

    private static String kind(JsonNode v) {
        if (v.isPojo()) {
            return ((com.fasterxml.jackson.databind.node.POJONode) v).getPojo() == DUPLICATE
                    ? "given twice"
                    : "a number out of range";
        }
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A 2xx answer that is not NBC's envelope as a whole (not JSON, too large, too deep, wrong shape). */
    static MalformedAnswerException malformed(String message) {
        return new MalformedAnswerException("NBC's answer is malformed: " + message, 200);
    }
}
