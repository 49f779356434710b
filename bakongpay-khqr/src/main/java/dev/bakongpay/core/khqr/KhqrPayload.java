package dev.bakongpay.core.khqr;

import dev.bakongpay.core.khqr.internal.PayloadRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What goes into a KHQR, validated when built with the official SDK's rules, in the SDK's order,
 * so the first failure is the one the SDK would report. Immutable.
 *
 * <pre>{@code
 * KhqrPayload p = KhqrPayload.individual("john_smith@devb")
 *         .merchantName("John Smith").currency(KhqrCurrency.USD)
 *         .amount(new BigDecimal("1.50")).expiresAt(Instant.now().plusSeconds(600))
 *         .build();
 * }</pre>
 *
 * <p>Empty strings count as absent, as in the SDK. A payload with an amount other than zero is
 * dynamic (initiation 12) and needs an expiration; otherwise it is static and carries no
 * timestamps. Rules that depend on the clock (expiration after creation and in the future) are
 * checked by {@link Khqr#encode(KhqrPayload, java.time.Clock)}.
 */
public final class KhqrPayload {

    /** The SDK's city when none is given. */
    public static final String DEFAULT_MERCHANT_CITY = "Phnom Penh";
    /** The SDK's merchant category code when none is given ("misc. retail"). */
    public static final String DEFAULT_MERCHANT_CATEGORY_CODE = "5999";

    private final KhqrMerchantType type;
    private final String bakongAccountID;
    private final String merchantID;
    private final String acquiringBank;
    private final String accountInformation;
    private final String merchantName;
    private final String merchantCity;
    private final String merchantCategoryCode;
    private final KhqrCurrency currency;
    private final BigDecimal amount;
    private final String formattedAmount;
    private final String billNumber;
    private final String mobileNumber;
    private final String storeLabel;
    private final String terminalLabel;
    private final String purposeOfTransaction;
    private final String languagePreference;
    private final String merchantNameAlternateLanguage;
    private final String merchantCityAlternateLanguage;
    private final String upiMerchantAccount;
    private final Long creationTimestamp;
    private final Long expirationTimestamp;
    /** Every value is ASCII: found while validating, so the encoder need not look again. */
    private final boolean ascii;

    private KhqrPayload(Builder b) {
        type = b.type;
        bakongAccountID = b.bakongAccountID;
        merchantID = blankToNull(b.merchantID);
        acquiringBank = blankToNull(b.acquiringBank);
        accountInformation = blankToNull(b.accountInformation);
        merchantName = b.merchantName;
        String city = blankToNull(b.merchantCity);
        merchantCity = city == null ? DEFAULT_MERCHANT_CITY : city;
        String mcc = blankToNull(b.merchantCategoryCode);
        merchantCategoryCode = mcc == null ? DEFAULT_MERCHANT_CATEGORY_CODE : mcc;
        currency = b.currency == null ? KhqrCurrency.KHR : b.currency;
        amount = b.amount;
        billNumber = blankToNull(b.billNumber);
        mobileNumber = blankToNull(b.mobileNumber);
        storeLabel = blankToNull(b.storeLabel);
        terminalLabel = blankToNull(b.terminalLabel);
        purposeOfTransaction = blankToNull(b.purposeOfTransaction);
        languagePreference = blankToNull(b.languagePreference);
        merchantNameAlternateLanguage = blankToNull(b.merchantNameAlternateLanguage);
        merchantCityAlternateLanguage = blankToNull(b.merchantCityAlternateLanguage);
        upiMerchantAccount = blankToNull(b.upiMerchantAccount);
        creationTimestamp = b.creationTimestamp;
        expirationTimestamp = b.expirationTimestamp;
        formattedAmount = PayloadRules.validate(this);
        ascii = PayloadRules.wellFormed(this);
    }

    /** An individual KHQR (tag 29) paying into {@code bakongAccountID} ({@code name@bank}). */
    public static Builder individual(String bakongAccountID) {
        return new Builder(KhqrMerchantType.INDIVIDUAL, bakongAccountID);
    }

    /** A merchant KHQR (tag 30): the Bakong account, the merchant ID and the acquiring bank are required. */
    public static Builder merchant(String bakongAccountID, String merchantID, String acquiringBank) {
        return new Builder(KhqrMerchantType.MERCHANT, bakongAccountID)
                .merchantID(merchantID)
                .acquiringBank(acquiringBank);
    }

    /** A builder holding this payload's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(type, bakongAccountID);
        b.merchantID = merchantID;
        b.acquiringBank = acquiringBank;
        b.accountInformation = accountInformation;
        b.merchantName = merchantName;
        b.merchantCity = merchantCity;
        b.merchantCategoryCode = merchantCategoryCode;
        b.currency = currency;
        b.amount = amount;
        b.billNumber = billNumber;
        b.mobileNumber = mobileNumber;
        b.storeLabel = storeLabel;
        b.terminalLabel = terminalLabel;
        b.purposeOfTransaction = purposeOfTransaction;
        b.languagePreference = languagePreference;
        b.merchantNameAlternateLanguage = merchantNameAlternateLanguage;
        b.merchantCityAlternateLanguage = merchantCityAlternateLanguage;
        b.upiMerchantAccount = upiMerchantAccount;
        b.creationTimestamp = creationTimestamp;
        b.expirationTimestamp = expirationTimestamp;
        return b;
    }

    public KhqrMerchantType type() {
        return type;
    }

    public String bakongAccountID() {
        return bakongAccountID;
    }
    /** Merchant KHQR only (tag 30, sub-tag 01); null for an individual one. */
    public String merchantID() {
        return merchantID;
    }

    public String acquiringBank() {
        return acquiringBank;
    }
    /** Individual KHQR only (tag 29, sub-tag 01): account number or phone; null when absent. */
    public String accountInformation() {
        return accountInformation;
    }

    public String merchantName() {
        return merchantName;
    }

    public String merchantCity() {
        return merchantCity;
    }

    public String merchantCategoryCode() {
        return merchantCategoryCode;
    }

    public KhqrCurrency currency() {
        return currency;
    }
    /** The amount as given; empty for a static KHQR (no amount, or zero). */
    public Optional<BigDecimal> amount() {
        return dynamic() ? Optional.of(amount) : Optional.empty();
    }
    /** The amount as written in tag 54 ({@code "1.50"}, {@code "25"}); null for a static KHQR. */
    public String formattedAmount() {
        return formattedAmount;
    }

    boolean ascii() {
        return ascii;
    }
    /** Initiation 12: an amount other than zero. */
    public boolean dynamic() {
        return amount != null && amount.signum() != 0;
    }

    public String billNumber() {
        return billNumber;
    }

    public String mobileNumber() {
        return mobileNumber;
    }

    public String storeLabel() {
        return storeLabel;
    }

    public String terminalLabel() {
        return terminalLabel;
    }

    public String purposeOfTransaction() {
        return purposeOfTransaction;
    }

    public String languagePreference() {
        return languagePreference;
    }

    public String merchantNameAlternateLanguage() {
        return merchantNameAlternateLanguage;
    }

    public String merchantCityAlternateLanguage() {
        return merchantCityAlternateLanguage;
    }

    public String upiMerchantAccount() {
        return upiMerchantAccount;
    }
    /** Epoch ms written as creation time; when empty, encode() takes the clock's time. */
    public OptionalLong creationTimestamp() {
        return optional(creationTimestamp);
    }

    public OptionalLong expirationTimestamp() {
        return optional(expirationTimestamp);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "KhqrPayload[" + type + " " + bakongAccountID + ", " + merchantName
                + (dynamic() ? ", " + formattedAmount + " " + currency : ", static " + currency) + "]";
    }

    /** Collects the fields; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final KhqrMerchantType type;
        private final String bakongAccountID;
        private String merchantID;
        private String acquiringBank;
        private String accountInformation;
        private String merchantName;
        private String merchantCity;
        private String merchantCategoryCode;
        private KhqrCurrency currency;
        private BigDecimal amount;
        private String billNumber;
        private String mobileNumber;
        private String storeLabel;
        private String terminalLabel;
        private String purposeOfTransaction;
        private String languagePreference;
        private String merchantNameAlternateLanguage;
        private String merchantCityAlternateLanguage;
        private String upiMerchantAccount;
        private Long creationTimestamp;
        private Long expirationTimestamp;

        private Builder(KhqrMerchantType type, String bakongAccountID) {
            this.type = Objects.requireNonNull(type, "type");
            this.bakongAccountID = bakongAccountID;
        }

        public Builder merchantID(String v) {
            merchantID = v;
            return this;
        }

        public Builder acquiringBank(String v) {
            acquiringBank = v;
            return this;
        }

        public Builder accountInformation(String v) {
            accountInformation = v;
            return this;
        }

        public Builder merchantName(String v) {
            merchantName = v;
            return this;
        }

        public Builder merchantCity(String v) {
            merchantCity = v;
            return this;
        }

        public Builder merchantCategoryCode(String v) {
            merchantCategoryCode = v;
            return this;
        }

        public Builder currency(KhqrCurrency v) {
            currency = v;
            return this;
        }
        /** Zero or null means static. USD allows two decimals, KHR none. */
        public Builder amount(BigDecimal v) {
            amount = v;
            return this;
        }
        /** {@code amount(new BigDecimal(v))}; a string that is not a number is error 4. */
        public Builder amount(String v) {
            try {
                amount = v == null || v.isEmpty() ? null : new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new KhqrValidationException(KhqrErrorCode.TRANSACTION_AMOUNT_INVALID, "transactionAmount");
            }
            return this;
        }

        public Builder billNumber(String v) {
            billNumber = v;
            return this;
        }

        public Builder mobileNumber(String v) {
            mobileNumber = v;
            return this;
        }

        public Builder storeLabel(String v) {
            storeLabel = v;
            return this;
        }

        public Builder terminalLabel(String v) {
            terminalLabel = v;
            return this;
        }

        public Builder purposeOfTransaction(String v) {
            purposeOfTransaction = v;
            return this;
        }

        public Builder languagePreference(String v) {
            languagePreference = v;
            return this;
        }

        public Builder merchantNameAlternateLanguage(String v) {
            merchantNameAlternateLanguage = v;
            return this;
        }

        public Builder merchantCityAlternateLanguage(String v) {
            merchantCityAlternateLanguage = v;
            return this;
        }

        public Builder upiMerchantAccount(String v) {
            upiMerchantAccount = v;
            return this;
        }
        /** Creation time in epoch ms (tag 99/00); by default the encoding clock's time. */
        public Builder creationTimestamp(long epochMillis) {
            creationTimestamp = epochMillis;
            return this;
        }

        public Builder createdAt(Instant v) {
            creationTimestamp = v == null ? null : v.toEpochMilli();
            return this;
        }
        /** Expiration in epoch ms (13 digits, tag 99/01); required for a dynamic KHQR. */
        public Builder expirationTimestamp(long epochMillis) {
            expirationTimestamp = epochMillis;
            return this;
        }

        public Builder expiresAt(Instant v) {
            expirationTimestamp = v == null ? null : v.toEpochMilli();
            return this;
        }

        /** Validates with the SDK's rules; throws {@link KhqrValidationException} on the first failure. */
        public KhqrPayload build() {
            return new KhqrPayload(this);
        }
    }
}
