package dev.bakongpay.core.payment;

import java.math.BigDecimal;

/**
 * What a merchant asks {@code /khqr/create} for, as received: {@link PaymentService#create}
 * validates every field and reports all problems at once. Only {@code amount},
 * {@code merchantName} and {@code bakongId} are required. The API binds the request body to this
 * record by name, so the component names are the JSON field names: renaming one changes the API.
 *
 * @param amount           positive; USD at most 2 decimals, KHR whole riel
 * @param currency         {@code USD} (default) or {@code KHR}
 * @param merchantName     shown in the payer's bank app, at most 25 characters
 * @param bakongId         receiving account {@code name@bank}, at most 32 characters
 * @param description      order reference, at most 100; stored, and written into the KHQR's
 *                         bill number when it fits there (25 characters)
 * @param expiresInSeconds QR lifetime; default and bounds come from the configuration (900, 60 to 86400)
 * @param merchantCity     default {@code Phnom Penh}, at most 15
 * @param merchantId       for a merchant KHQR (with {@code acquiringBank}), at most 32
 * @param acquiringBank    for a merchant KHQR, at most 32
 * @param storeLabel       at most 25
 * @param terminalLabel    at most 25
 * @param merchantNameKhmer merchant name in Khmer, at most 25
 * @param mobileNumber     shop's phone, normalised: {@code +855 12-345-678} becomes {@code 012345678}
 * @param returnUrl        where the checkout page sends the customer after paying; absolute http(s)
 */
public record CreatePaymentRequest(
        BigDecimal amount,
        String currency,
        String merchantName,
        String bakongId,
        String description,
        Long expiresInSeconds,
        String merchantCity,
        String merchantId,
        String acquiringBank,
        String storeLabel,
        String terminalLabel,
        String merchantNameKhmer,
        String mobileNumber,
        String returnUrl) {

    /** The three required fields; chain the {@code with…} methods for the rest. */
    public static CreatePaymentRequest of(BigDecimal amount, String currency, String merchantName, String bakongId) {
        return new CreatePaymentRequest(
                amount, currency, merchantName, bakongId, null, null, null, null, null, null, null, null, null, null);
    }

    public CreatePaymentRequest withDescription(String v) {
        return new CreatePaymentRequest(
                amount,
                currency,
                merchantName,
                bakongId,
                v,
                expiresInSeconds,
                merchantCity,
                merchantId,
                acquiringBank,
                storeLabel,
                terminalLabel,
                merchantNameKhmer,
                mobileNumber,
                returnUrl);
    }

    public CreatePaymentRequest withExpiresInSeconds(Long v) {
        return new CreatePaymentRequest(
                amount,
                currency,
                merchantName,
                bakongId,
                description,
                v,
                merchantCity,
                merchantId,
                acquiringBank,
                storeLabel,
                terminalLabel,
                merchantNameKhmer,
                mobileNumber,
                returnUrl);
    }

    public CreatePaymentRequest withMerchantAccount(String merchantId, String acquiringBank) {
        return new CreatePaymentRequest(
                amount,
                currency,
                merchantName,
                bakongId,
                description,
                expiresInSeconds,
                merchantCity,
                merchantId,
                acquiringBank,
                storeLabel,
                terminalLabel,
                merchantNameKhmer,
                mobileNumber,
                returnUrl);
    }

    public CreatePaymentRequest withShopDetails(
            String merchantCity,
            String storeLabel,
            String terminalLabel,
            String merchantNameKhmer,
            String mobileNumber,
            String returnUrl) {
        return new CreatePaymentRequest(
                amount,
                currency,
                merchantName,
                bakongId,
                description,
                expiresInSeconds,
                merchantCity,
                merchantId,
                acquiringBank,
                storeLabel,
                terminalLabel,
                merchantNameKhmer,
                mobileNumber,
                returnUrl);
    }
}
