package dev.bakongpay.core.khqr.internal;

import dev.bakongpay.core.khqr.KhqrErrorCode;
import dev.bakongpay.core.khqr.KhqrMerchantType;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.khqr.KhqrValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Writes a validated payload in the SDK's tag order (00 01 [15] 29|30 52 53 [54] 58 59 60 [62]
 * [64] [99] 63) in one pass, then CRC and md5 over one UTF-8 buffer.
 */
public final class KhqrEncoder {

    private KhqrEncoder() {
    }

    public static KhqrResult encode(KhqrPayload p, Clock clock) {
        long now = clock.millis();
        long creation = 0;
        long expiration = 0;
        if (p.dynamic()) {
            creation = p.creationTimestamp().orElse(now);
            expiration = p.expirationTimestamp().getAsLong();
            if (expiration < creation) {
                throw new KhqrValidationException(KhqrErrorCode.EXPIRATION_TIMESTAMP_IN_THE_PAST, "expirationTimestamp");
            }
            if (expiration < now) {
                throw new KhqrValidationException(KhqrErrorCode.KHQR_EXPIRED, "expirationTimestamp");
            }
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append("000201").append("0102").append(p.dynamic() ? "12" : "11");
        if (p.upiMerchantAccount() != null) {
            tlv(sb, "15", p.upiMerchantAccount());
        }
        accountTemplate(sb, p);
        tlv(sb, "52", p.merchantCategoryCode());
        sb.append("5303").append(p.currency().code());
        if (p.dynamic()) {
            tlv(sb, "54", p.formattedAmount());
        }
        sb.append("5802KH");
        tlv(sb, "59", p.merchantName());
        tlv(sb, "60", p.merchantCity());
        additionalData(sb, p);
        languageTemplate(sb, p);
        if (p.dynamic()) {
            String c = Long.toString(creation);
            String e = Long.toString(expiration);
            length(sb.append("99"), 8 + c.length() + e.length());
            tlv(sb, "00", c);
            tlv(sb, "01", e);
        }
        sb.append("6304");
        String body = sb.toString();
        Md5.Scratch scratch = Md5.scratch();
        // ASCII (the usual case) takes the JDK's vectorised path; anything else our Node-exact encoder.
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        if (n != body.length()) {
            bytes = scratch.buffer(Utf8.maxBytes(body.length()));
            n = Utf8.encode(body, bytes);
        }
        String crc = Crc16.hex(Crc16.of(bytes, 0, n));
        String md5 = scratch.hex(bytes, 0, n, crc);
        return new KhqrResult(body.concat(crc), md5);
    }

    private static void accountTemplate(StringBuilder sb, KhqrPayload p) {
        String first = p.type() == KhqrMerchantType.MERCHANT ? p.merchantID() : p.accountInformation();
        String bank = p.acquiringBank();
        String id = p.bakongAccountID();
        int len = 4 + id.length() + size(first) + size(bank);
        length(sb.append(p.type().tag()), len);
        tlv(sb, "00", id);
        optional(sb, "01", first);
        optional(sb, "02", bank);
    }

    private static void additionalData(StringBuilder sb, KhqrPayload p) {
        int len = size(p.billNumber()) + size(p.mobileNumber()) + size(p.storeLabel())
                + size(p.terminalLabel()) + size(p.purposeOfTransaction());
        if (len == 0) {
            return;
        }
        length(sb.append("62"), len);
        optional(sb, "01", p.billNumber());
        optional(sb, "02", p.mobileNumber());
        optional(sb, "03", p.storeLabel());
        optional(sb, "07", p.terminalLabel());
        optional(sb, "08", p.purposeOfTransaction());
    }

    private static void languageTemplate(StringBuilder sb, KhqrPayload p) {
        String name = p.merchantNameAlternateLanguage();
        // The SDK writes the preference only together with the alternate name (since 1.0.18).
        String preference = name == null ? null : p.languagePreference();
        String city = p.merchantCityAlternateLanguage();
        int len = size(preference) + size(name) + size(city);
        if (len == 0) {
            return;
        }
        length(sb.append("64"), len);
        optional(sb, "00", preference);
        optional(sb, "01", name);
        optional(sb, "02", city);
    }

    private static int size(String value) {
        return value == null ? 0 : 4 + value.length();
    }

    private static void optional(StringBuilder sb, String tag, String value) {
        if (value != null) {
            tlv(sb, tag, value);
        }
    }

    private static void tlv(StringBuilder sb, String tag, String value) {
        length(sb.append(tag), value.length()).append(value);
    }

    private static StringBuilder length(StringBuilder sb, int length) {
        if (length > PayloadRules.MAX_VALUE_LENGTH) {
            // PayloadRules refuses such payloads; reaching here is a bug, not bad input.
            throw new IllegalStateException("value of " + length + " characters cannot be encoded");
        }
        return sb.append((char) ('0' + length / 10)).append((char) ('0' + length % 10));
    }
}
