package dev.bakongpay.core.khqr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Random;

/**
 * Random inputs the official SDK accepts, written in the SDK's own input shape (type, the
 * positional fields, an "optional" object) so the same JSON feeds our builder and NBC's SDK.
 * Text mixes ASCII, Khmer (U+1780–U+17E9) and the odd emoji (a surrogate pair).
 */
final class RandomPayloads {

    static final long BASE_MILLIS = 1795824000000L; // 2026-11-28T00:00:00Z

    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-#&'/()";
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_.";

    private RandomPayloads() {}

    /** An SDK input plus "creationTimestamp" (top level) for dynamic ones. */
    static ObjectNode next(Random r) {
        ObjectNode in = Vectors.JSON.createObjectNode();
        ObjectNode opt = in.putObject("optional");
        boolean merchant = r.nextBoolean();
        in.put("type", merchant ? "merchant" : "individual");
        String account = word(r, ID_CHARS, 1 + r.nextInt(20)) + "@" + word(r, ID_CHARS, 1 + r.nextInt(8));
        in.put("bakongAccountID", account);
        in.put("merchantName", text(r, 1 + r.nextInt(25)));
        in.put("merchantCity", r.nextInt(4) == 0 ? "" : text(r, 1 + r.nextInt(15)));
        if (merchant) {
            in.put("merchantID", word(r, ASCII, 1 + r.nextInt(25)));
            in.put("acquiringBank", text(r, 1 + r.nextInt(25)));
        } else {
            maybe(r, opt, "accountInformation", 3, word(r, ASCII, 1 + r.nextInt(25)));
            maybe(r, opt, "acquiringBank", 3, text(r, 1 + r.nextInt(25)));
        }
        boolean usd = r.nextBoolean();
        opt.put("currency", usd ? 840 : 116);
        if (r.nextInt(5) == 0) {
            opt.put("merchantCategoryCode", Integer.toString(r.nextInt(10000)));
        }
        int budget = 99;
        for (String field :
                new String[] {"billNumber", "mobileNumber", "storeLabel", "terminalLabel", "purposeOfTransaction"}) {
            if (r.nextInt(3) == 0) {
                String v = text(r, 1 + r.nextInt(25));
                if (4 + v.length() <= budget) {
                    opt.put(field, v);
                    budget -= 4 + v.length();
                }
            }
        }
        int language = r.nextInt(8);
        if (language < 2) {
            opt.put("languagePreference", r.nextBoolean() ? "km" : "zh");
            opt.put("merchantNameAlternateLanguage", text(r, 1 + r.nextInt(25)));
        }
        if (language == 0 || language == 2) {
            opt.put("merchantCityAlternateLanguage", text(r, 1 + r.nextInt(15)));
        }
        if (!usd && r.nextInt(8) == 0) {
            opt.put("upiMerchantAccount", word(r, ASCII, 1 + r.nextInt(31)));
        }
        if (r.nextInt(3) > 0) {
            opt.put("amount", amount(r, usd));
            long created = BASE_MILLIS + (long) r.nextInt(365 * 24 * 3600) * 1000 + r.nextInt(1000);
            in.put("creationTimestamp", created);
            opt.put("expirationTimestamp", created + 1 + (long) r.nextInt(30 * 24 * 3600) * 1000);
        }
        return in;
    }

    /** The builder for an input made by {@link #next}, with its creation time. */
    static KhqrPayload payload(ObjectNode in) {
        KhqrPayload.Builder b = Vectors.payload(in);
        if (in.has("creationTimestamp")) {
            b.creationTimestamp(in.get("creationTimestamp").asLong());
        }
        return b.build();
    }

    /** When verifying: the creation time for dynamic inputs (so not expired), else the base time. */
    static long now(ObjectNode in) {
        return in.has("creationTimestamp") ? in.get("creationTimestamp").asLong() : BASE_MILLIS;
    }

    private static BigDecimal amount(Random r, boolean usd) {
        if (usd) {
            long cents = 1 + (r.nextBoolean() ? r.nextInt(100_000) : (long) (r.nextDouble() * 999_999_999_999L));
            return BigDecimal.valueOf(cents, 2);
        }
        return BigDecimal.valueOf(
                1 + (r.nextBoolean() ? r.nextInt(1_000_000) : (long) (r.nextDouble() * 9_999_999_999_999L)));
    }

    private static void maybe(Random r, ObjectNode node, String field, int oneIn, String value) {
        if (r.nextInt(oneIn) == 0) {
            node.put(field, value);
        }
    }

    static String word(Random r, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** At most {@code max} UTF-16 units of ASCII, Khmer and the odd emoji; never empty. */
    static String text(Random r, int max) {
        StringBuilder sb = new StringBuilder(max);
        boolean khmer = r.nextInt(3) == 0;
        while (sb.length() < max) {
            int kind = r.nextInt(20);
            if (kind == 0 && sb.length() + 2 <= max) {
                sb.appendCodePoint(0x1F600 + r.nextInt(0x40));
            } else if (khmer || kind < 4) {
                int cp = 0x1780 + r.nextInt(0x6A);
                sb.append((char) (cp >= 0x17DE && cp <= 0x17DF ? 0x1780 : cp));
            } else {
                sb.append(ASCII.charAt(r.nextInt(ASCII.length())));
            }
        }
        return sb.toString();
    }
}
