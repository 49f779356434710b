package dev.bakongpay.core.khqr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded KHQR. The components carry the raw text of each field, named and ordered as the
 * official SDK's {@code decode()} output (null when absent); {@code unknownTags} keeps what the
 * SDK drops, in order of appearance: top-level tags by number ({@code "61"}) and sub-tags of
 * known templates as {@code "62.05"}. Typed conveniences are lenient: a field that does not
 * parse (legacy or foreign formats) reads as empty.
 */
public record KhqrData(
        String merchantType,
        String bakongAccountID,
        String accountInformation,
        String merchantID,
        String acquiringBank,
        String billNumber,
        String mobileNumber,
        String storeLabel,
        String terminalLabel,
        String purposeOfTransaction,
        String languagePreference,
        String merchantNameAlternateLanguage,
        String merchantCityAlternateLanguage,
        String creationTimestamp,
        String expirationTimestamp,
        String payloadFormatIndicator,
        String pointofInitiationMethod,
        String unionPayMerchant,
        String merchantCategoryCode,
        String transactionCurrency,
        String transactionAmount,
        String countryCode,
        String merchantName,
        String merchantCity,
        String crc,
        Map<String, String> unknownTags) {

    /** The SDK's decode field names, in its output order (without {@code unknownTags}). */
    public static final List<String> FIELD_NAMES = List.of(
            "merchantType",
            "bakongAccountID",
            "accountInformation",
            "merchantID",
            "acquiringBank",
            "billNumber",
            "mobileNumber",
            "storeLabel",
            "terminalLabel",
            "purposeOfTransaction",
            "languagePreference",
            "merchantNameAlternateLanguage",
            "merchantCityAlternateLanguage",
            "creationTimestamp",
            "expirationTimestamp",
            "payloadFormatIndicator",
            "pointofInitiationMethod",
            "unionPayMerchant",
            "merchantCategoryCode",
            "transactionCurrency",
            "transactionAmount",
            "countryCode",
            "merchantName",
            "merchantCity",
            "crc");

    public KhqrData {
        unknownTags = unknownTags == null || unknownTags.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(unknownTags));
    }

    /** The raw fields by SDK name, in {@link #FIELD_NAMES} order (values may be null). */
    public Map<String, String> fields() {
        String[] values = {
            merchantType,
            bakongAccountID,
            accountInformation,
            merchantID,
            acquiringBank,
            billNumber,
            mobileNumber,
            storeLabel,
            terminalLabel,
            purposeOfTransaction,
            languagePreference,
            merchantNameAlternateLanguage,
            merchantCityAlternateLanguage,
            creationTimestamp,
            expirationTimestamp,
            payloadFormatIndicator,
            pointofInitiationMethod,
            unionPayMerchant,
            merchantCategoryCode,
            transactionCurrency,
            transactionAmount,
            countryCode,
            merchantName,
            merchantCity,
            crc
        };
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(FIELD_NAMES.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Individual (29) or merchant (30); empty when the QR carries neither. */
    public Optional<KhqrMerchantType> type() {
        if ("29".equals(merchantType)) {
            return Optional.of(KhqrMerchantType.INDIVIDUAL);
        }
        return "30".equals(merchantType) ? Optional.of(KhqrMerchantType.MERCHANT) : Optional.empty();
    }

    public Optional<KhqrCurrency> currency() {
        if ("116".equals(transactionCurrency)) {
            return Optional.of(KhqrCurrency.KHR);
        }
        return "840".equals(transactionCurrency) ? Optional.of(KhqrCurrency.USD) : Optional.empty();
    }

    /** Tag 54 as a number ({@code "500.0"} reads as 500.0); empty when absent or not a plain decimal. */
    public Optional<BigDecimal> amount() {
        String s = transactionAmount;
        if (s == null || s.isEmpty() || s.length() > 32) {
            return Optional.empty();
        }
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        if (dots > 1 || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /** Tag 99/00 in epoch ms; empty when absent or not digits (some bank apps write hex there). */
    public Optional<Instant> createdAt() {
        return epochMillis(creationTimestamp);
    }

    /** Tag 99/01 in epoch ms; empty when absent (every QR from SDKs before 1.0.18) or not digits. */
    public Optional<Instant> expiresAt() {
        return epochMillis(expirationTimestamp);
    }

    /** Initiation method 12. */
    public boolean dynamic() {
        return "12".equals(pointofInitiationMethod);
    }

    private static Optional<Instant> epochMillis(String s) {
        if (s == null || s.isEmpty() || s.length() > 15) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
    }
}
