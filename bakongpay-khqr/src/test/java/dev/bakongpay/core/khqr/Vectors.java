package dev.bakongpay.core.khqr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads the shared KHQR vectors (copied under test resources) and turns their SDK inputs into payloads. */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** The day the vectors' verdicts were taken with the real clock. */
    static final Instant VECTORS_DAY = Instant.parse("2026-11-28T00:00:00Z");
    /** Date.now as pinned for the G vectors: 2025-12-01T00:00:00Z. */
    static final long PINNED_MILLIS = 1764547200000L;

    private Vectors() {}

    static JsonNode load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/khqr/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource khqr/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Clock clockAt(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static Clock vectorsDay() {
        return Clock.fixed(VECTORS_DAY, ZoneOffset.UTC);
    }

    /**
     * A payload from an SDK input: either flat (vectors.json) or with an "optional" object
     * (sdk-and-doc and negative vectors), as passed to IndividualInfo / MerchantInfo.
     */
    static KhqrPayload.Builder payload(JsonNode input) {
        JsonNode opt = input.has("optional") ? input.get("optional") : input;
        boolean merchant = "merchant".equals(input.get("type").asText());
        String account = text(input, "bakongAccountID");
        KhqrPayload.Builder b = merchant
                ? KhqrPayload.merchant(account, text(input, "merchantID"), text(input, "acquiringBank"))
                : KhqrPayload.individual(account);
        b.merchantName(text(input, "merchantName")).merchantCity(text(input, "merchantCity"));
        if (!merchant) {
            b.acquiringBank(text(opt, "acquiringBank"));
        }
        if (opt.hasNonNull("currency")) {
            b.currency(KhqrCurrency.fromCode(opt.get("currency").asText()));
        }
        if (opt.hasNonNull("amount")) {
            JsonNode a = opt.get("amount");
            b.amount(a.isTextual() ? new BigDecimal(a.asText()) : a.decimalValue());
        }
        if (opt.hasNonNull("expirationTimestamp")) {
            b.expirationTimestamp(opt.get("expirationTimestamp").asLong());
        }
        return b.accountInformation(text(opt, "accountInformation"))
                .billNumber(text(opt, "billNumber"))
                .mobileNumber(text(opt, "mobileNumber"))
                .storeLabel(text(opt, "storeLabel"))
                .terminalLabel(text(opt, "terminalLabel"))
                .purposeOfTransaction(text(opt, "purposeOfTransaction"))
                .languagePreference(text(opt, "languagePreference"))
                .merchantNameAlternateLanguage(text(opt, "merchantNameAlternateLanguage"))
                .merchantCityAlternateLanguage(text(opt, "merchantCityAlternateLanguage"))
                .upiMerchantAccount(text(opt, "upiMerchantAccount"))
                .merchantCategoryCode(text(opt, "merchantCategoryCode"));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A decode object of the SDK as an ordered map of strings (nulls kept). */
    static Map<String, String> fields(JsonNode decoded) {
        Map<String, String> map = new LinkedHashMap<>();
        decoded.fields()
                .forEachRemaining(e -> map.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return map;
    }
}
