package dev.bakongpay.core.khqr.cli;

import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrPayload;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The encode command's flags, one per field of the official SDK's input. */
final class EncodeFlags {

    static final List<String> NAMES = List.of(
            "--bakong-account-id",
            "--merchant-name",
            "--merchant-id",
            "--acquiring-bank",
            "--amount",
            "--currency",
            "--expires-in",
            "--expiration-timestamp",
            "--creation-timestamp",
            "--merchant-city",
            "--merchant-category-code",
            "--account-information",
            "--bill-number",
            "--mobile-number",
            "--store-label",
            "--terminal-label",
            "--purpose-of-transaction",
            "--language-preference",
            "--merchant-name-alternate-language",
            "--merchant-city-alternate-language",
            "--upi-merchant-account");

    private EncodeFlags() {}

    static KhqrPayload payload(Map<String, String> f, Clock clock) {
        String account = f.get("--bakong-account-id");
        boolean merchant = f.containsKey("--merchant-id");
        KhqrPayload.Builder b = merchant
                ? KhqrPayload.merchant(account, f.get("--merchant-id"), f.get("--acquiring-bank"))
                : KhqrPayload.individual(account).acquiringBank(f.get("--acquiring-bank"));
        b.merchantName(f.get("--merchant-name"))
                .merchantCity(f.get("--merchant-city"))
                .merchantCategoryCode(f.get("--merchant-category-code"))
                .accountInformation(f.get("--account-information"))
                .amount(f.get("--amount"))
                .billNumber(f.get("--bill-number"))
                .mobileNumber(f.get("--mobile-number"))
                .storeLabel(f.get("--store-label"))
                .terminalLabel(f.get("--terminal-label"))
                .purposeOfTransaction(f.get("--purpose-of-transaction"))
                .languagePreference(f.get("--language-preference"))
                .merchantNameAlternateLanguage(f.get("--merchant-name-alternate-language"))
                .merchantCityAlternateLanguage(f.get("--merchant-city-alternate-language"))
                .upiMerchantAccount(f.get("--upi-merchant-account"));
        if (f.containsKey("--currency")) {
            b.currency(KhqrCurrency.fromName(f.get("--currency")));
        }
        if (f.containsKey("--creation-timestamp")) {
            b.creationTimestamp(number(f, "--creation-timestamp"));
        }
        if (f.containsKey("--expiration-timestamp")) {
            b.expirationTimestamp(number(f, "--expiration-timestamp"));
        } else if (f.containsKey("--expires-in")) {
            long base = f.containsKey("--creation-timestamp") ? number(f, "--creation-timestamp") : clock.millis();
            b.expirationTimestamp(base + number(f, "--expires-in") * 1000);
        }
        return b.build();
    }

    private static long number(Map<String, String> f, String flag) {
        try {
            return Long.parseLong(f.get(flag));
        } catch (NumberFormatException e) {
            throw new KhqrCommandLine.UsageException(flag + " takes a whole number, got '" + f.get(flag) + "'");
        }
    }
}
