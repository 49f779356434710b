package dev.bakongpay.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-in KHQR reader used until {@code bakongpay-core}'s codec is merged: strict TLV, CRC, the
 * fields the simulator pays with, and the rules that decide whether a QR can be paid. It is not
 * a full verifier; the core codec replaces it.
 */
final class KhqrFields {

    private static final List<String> REQUIRED = List.of("00", "52", "53", "58", "59", "60", "63");

    private final Map<String, String> tags;
    private final Map<String, String> values;
    private final boolean crcMatches;

    private KhqrFields(Map<String, String> tags, Map<String, String> values, boolean crcMatches) {
        this.tags = tags;
        this.values = values;
        this.crcMatches = crcMatches;
    }

    static KhqrFields parse(String qr) {
        if (qr == null || qr.length() < 12) {
            throw new IllegalArgumentException("too short");
        }
        Map<String, String> tags = tlv(qr);
        Map<String, String> values = new HashMap<>();
        values.put("payloadFormatIndicator", tags.get("00"));
        values.put("pointofInitiationMethod", tags.get("01"));
        values.put("transactionCurrency", tags.get("53"));
        values.put("transactionAmount", tags.get("54"));
        values.put("merchantName", tags.get("59"));
        values.put("merchantCity", tags.get("60"));
        String accountTag = tags.containsKey("29") ? "29" : tags.containsKey("30") ? "30" : null;
        if (accountTag != null) {
            Map<String, String> account = tlv(tags.get(accountTag));
            values.put("merchantType", accountTag);
            values.put("bakongAccountID", account.get("00"));
            values.put("29".equals(accountTag) ? "accountInformation" : "merchantID", account.get("01"));
            values.put("acquiringBank", account.get("02"));
        }
        if (tags.containsKey("62")) {
            Map<String, String> extra = tlv(tags.get("62"));
            values.put("billNumber", extra.get("01"));
            values.put("purposeOfTransaction", extra.get("08"));
        }
        if (tags.containsKey("99")) {
            Map<String, String> times = tlv(tags.get("99"));
            values.put("creationTimestamp", times.get("00"));
            values.put("expirationTimestamp", times.get("01"));
        }
        String body = qr.substring(0, qr.length() - 4);
        boolean crcMatches = qr.endsWith(tags.getOrDefault("63", "-")) && body.endsWith("6304")
                && crc(body).equalsIgnoreCase(tags.get("63"));
        return new KhqrFields(tags, values, crcMatches);
    }

    Map<String, String> values() {
        return values;
    }

    /** Why this QR cannot be paid at {@code nowMs}, or null when it can. */
    String problem(long nowMs) {
        if (!crcMatches) {
            return "KHQR is invalid: the CRC does not match";
        }
        for (String tag : REQUIRED) {
            if (!tags.containsKey(tag)) {
                return "KHQR is invalid: tag " + tag + " is missing";
            }
        }
        if (values.get("bakongAccountID") == null) {
            return "KHQR is invalid: it names no Bakong account";
        }
        boolean dynamic = "12".equals(tags.get("01")) || tags.containsKey("54");
        if (dynamic) {
            String expiry = values.get("expirationTimestamp");
            if (expiry == null || !expiry.matches("\\d{13}")) {
                return "KHQR is invalid: Expiration timestamp is required for dynamic KHQR";
            }
            if (Long.parseLong(expiry) <= nowMs) {
                return "This dynamic KHQR has expired";
            }
        }
        return null;
    }

    private static Map<String, String> tlv(String text) {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (i + 4 > text.length()) {
                throw new IllegalArgumentException("a tag is cut off at position " + i);
            }
            String tag = text.substring(i, i + 2);
            String length = text.substring(i + 2, i + 4);
            if (!tag.matches("\\d\\d") || !length.matches("\\d\\d")) {
                throw new IllegalArgumentException("tag or length is not numeric at position " + i);
            }
            int end = i + 4 + Integer.parseInt(length);
            if (end > text.length()) {
                throw new IllegalArgumentException("tag " + tag + " runs past the end");
            }
            out.putIfAbsent(tag, text.substring(i + 4, end));
            i = end;
        }
        return out;
    }

    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
    }
}
