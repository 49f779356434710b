package dev.bakongpay.core.bakong;

import java.util.List;
import java.util.Random;

/**
 * Random and mutated NBC payments for the seeded property tests: a sane payment of USD 9.99 to
 * merchant@acleda, then odd amounts, wrong types, missing, doubled and oversized fields, flipped
 * characters and cut-off text. Deterministic for a given {@link Random}.
 */
public final class UpstreamMutations {
    public static final String HASH = "9bc29426b5e55f171b0e137478d04eb8b8b3a757e0eb2040561ba4f9f052db95";
    private static final List<String> FIELDS = List.of(
            "hash",
            "fromAccountId",
            "toAccountId",
            "currency",
            "amount",
            "description",
            "createdDateMs",
            "acknowledgedDateMs",
            "externalRef",
            "instructionRef");
    private static final List<String> SAME_AMOUNT =
            List.of("9.99", "9.990", "999e-2", "0.999e1", "9.9900000000", "99.9E-1");
    private static final String NOISE = "{}[]\":,.-+eE0123456789 \\u\u0000\u202e\ud800é×truefalsnul";

    private UpstreamMutations() {}

    /** The sane payment with {@code amount} as its raw amount text. */
    public static String payment(String amount) {
        return "{\"hash\":\"" + HASH + "\",\"fromAccountId\":\"payer@abaa\",\"toAccountId\":\"merchant@acleda\","
                + "\"currency\":\"USD\",\"amount\":" + amount + ",\"description\":null,\"createdDateMs\":1756366775000,"
                + "\"acknowledgedDateMs\":1756366777000,\"externalRef\":\"100FT35340355905\",\"instructionRef\":null}";
    }

    /** One random payment {@code data}, most of them odd, some sane (so the tests see every outcome). */
    public static String data(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> payment(SAME_AMOUNT.get(r.nextInt(SAME_AMOUNT.size())));
            case 1, 2 -> payment(number(r));
            case 3 -> payment(value(r));
            case 4 -> replaceField(r, payment("9.99"), value(r));
            case 5 -> removeField(r, payment(r.nextBoolean() ? "9.99" : number(r)));
            case 6 ->
                payment("9.99").replace("}", ",\"" + FIELDS.get(r.nextInt(FIELDS.size())) + "\":" + value(r) + "}");
            case 7 -> flip(r, payment(r.nextBoolean() ? "9.99" : number(r)));
            case 8 -> cut(r, payment(number(r)));
            default -> value(r);
        };
    }

    /** A JSON number text: sane, odd or absurd (long digits, huge exponents). */
    public static String number(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) == 0) b.append('-');
        int intDigits = r.nextInt(20) == 0 ? 1 + r.nextInt(3_000) : 1 + r.nextInt(4);
        b.append(1 + r.nextInt(9));
        for (int i = 1; i < intDigits; i++) b.append(r.nextInt(10));
        if (r.nextBoolean()) {
            b.append('.');
            int frac = r.nextInt(20) == 0 ? 1 + r.nextInt(3_000) : 1 + r.nextInt(10);
            for (int i = 0; i < frac; i++) b.append(r.nextInt(10));
        }
        if (r.nextInt(3) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "");
            b.append(
                    switch (r.nextInt(5)) {
                        case 0 -> r.nextInt(10);
                        case 1 -> r.nextInt(200);
                        case 2 -> r.nextInt(100_000);
                        case 3 -> (long) Integer.MAX_VALUE + r.nextInt(3);
                        default -> "9".repeat(1 + r.nextInt(30));
                    });
        }
        return r.nextInt(10) == 0 ? "0" : b.toString();
    }

    /** Any JSON value, sometimes huge. */
    public static String value(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> "\"" + number(r) + "\"";
            case 3 -> "\"" + "x".repeat(r.nextInt(20) == 0 ? 200_000 : r.nextInt(300)) + "\"";
            case 4 -> "{}";
            case 5 -> "[" + number(r) + "]";
            case 6 -> "\"USD\"";
            case 7 -> "\"\\u0000\\u202e\"";
            case 8 -> "[".repeat(40) + "]".repeat(40);
            default -> number(r);
        };
    }

    private static String replaceField(Random r, String json, String value) {
        String field = FIELDS.get(r.nextInt(FIELDS.size()));
        return json.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
                "\"" + field + "\":" + value.replace("\\", "\\\\").replace("$", "\\$"));
    }

    private static String removeField(Random r, String json) {
        String field = FIELDS.get(r.nextInt(FIELDS.size()));
        return json.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "").replace("{,", "{");
    }

    private static String flip(Random r, String json) {
        StringBuilder b = new StringBuilder(json);
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            b.setCharAt(r.nextInt(b.length()), NOISE.charAt(r.nextInt(NOISE.length())));
        }
        return b.toString();
    }

    private static String cut(Random r, String json) {
        return json.substring(0, r.nextInt(json.length()));
    }
}
