package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code check_bakong_account}, {@code renew_token} and {@code generate_deeplink_by_qr}. A deep
 * link opens the mock bank app with the QR filled in, the way NBC's short link opens Bakong.
 */
final class AccountsAndTokens {

    private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Ledger ledger;
    private final TokenRegistry tokens;
    private final QrInspector inspector;
    private final Map<String, DeepLink> linksById = new ConcurrentHashMap<>();

    /**
     * What a short link opens: the QR, and from {@code sourceInfo} the app to return to after paying
     * (its name and {@code appDeepLinkCallback}; both null without a sourceInfo or when the callback
     * is not an http(s) address, which the mock bank page would not link to).
     */
    record DeepLink(String qr, String appName, String callback) {}

    private final SecureRandom random = new SecureRandom();

    AccountsAndTokens(Ledger ledger, TokenRegistry tokens, QrInspector inspector) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.inspector = inspector;
    }

    NbcAnswer checkAccount(JsonNode body) {
        String accountId = Fields.text(body, "accountId", 255);
        if (!accountIdWellFormed(accountId)) {
            return NbcAnswer.failure(200, NbcAnswer.ACCOUNT_INVALID, "Account ID is invalid.");
        }
        return ledger.accountExists(accountId)
                ? NbcAnswer.success("Account ID exists", null)
                : NbcAnswer.failure(200, NbcAnswer.ACCOUNT_NOT_FOUND, "Account ID not found");
    }

    /** NBC's SDK rule: at most 32 characters, exactly one {@code @} between two non-empty parts. */
    static boolean accountIdWellFormed(String accountId) {
        String[] parts = accountId.split("@", -1);
        return accountId.length() <= 32 && parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank();
    }

    /**
     * Any e-mail address up to NBC's 30 characters counts as registered; one without {@code @}
     * gets NBC's "Not registered yet." so that clients can exercise that answer too.
     */
    NbcAnswer renewToken(JsonNode body) {
        String email = Fields.text(body, "email", 30);
        if (!email.contains("@")) {
            return NbcAnswer.failure(200, NbcAnswer.NOT_REGISTERED, "Not registered yet.");
        }
        TokenRegistry.IssuedToken issued = tokens.issue(email);
        return NbcAnswer.success("Token has been issued", Map.of("token", issued.token()));
    }

    NbcAnswer deeplink(JsonNode body, String baseUrl) {
        String qr = Fields.text(body, "qr", 1000);
        JsonNode sourceInfo = body.get("sourceInfo");
        String appName = null;
        String callback = null;
        if (sourceInfo != null && !sourceInfo.isNull()) {
            for (String field : new String[] {"appIconUrl", "appName", "appDeepLinkCallback"}) {
                Fields.text(sourceInfo, field, 1000);
            }
            String asked = sourceInfo.get("appDeepLinkCallback").asText().strip();
            if (asked.regionMatches(true, 0, "https://", 0, 8) || asked.regionMatches(true, 0, "http://", 0, 7)) {
                callback = asked;
                appName = sourceInfo.get("appName").asText().strip();
            }
        }
        InspectedQr inspected = inspector.inspect(qr);
        if (inspected.merchantName() == null) {
            return NbcAnswer.failure(
                    200, NbcAnswer.DEEPLINK_FAILED, "Error occurred on requesting deeplink from provider.");
        }
        ledger.rememberQr(inspected.md5(), qr);
        String id = linkId();
        linksById.put(id, new DeepLink(qr, appName, callback));
        return NbcAnswer.success("Getting deep link successfully", Map.of("shortLink", baseUrl + "/l/" + id));
    }

    DeepLink link(String id) {
        return linksById.get(id);
    }

    private String linkId() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(LINK_ALPHABET.charAt(random.nextInt(LINK_ALPHABET.length())));
        }
        return id.toString();
    }
}
