package dev.bakongpay.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One KHQR payment request and what became of it. Immutable; a store changes it only through
 * {@link TransactionStore#transition(StatusTransition)}. Instants are truncated to microseconds.
 *
 * @param id           unguessable id, also the key of the public checkout page
 * @param merchantId   owner; every scoped lookup filters on it
 * @param mode         TEST (simulator) or LIVE (NBC)
 * @param md5          md5 of {@code qrString}, 32 lowercase hex digits, unique in a store
 * @param qrString     the KHQR payload
 * @param amount       positive, at most 6 decimals; its scale is kept as given
 * @param currency     {@code USD} or {@code KHR}
 * @param bakongId     receiving Bakong account, e.g. {@code shop@aclb}
 * @param merchantName merchant name shown in the QR
 * @param description  nullable
 * @param status       current status
 * @param createdAt    creation time
 * @param expiresAt    after this an unpaid transaction becomes EXPIRED
 * @param updatedAt    time of the last change
 * @param payment      the upstream payment, set by a transition to SUCCESS (or a FAILED mismatch); nullable
 * @param statusReason why it has its status, e.g. {@code amount_mismatch: paid 20.00 USD, expected 25.00 USD}; nullable
 * @param late         paid after {@code expiresAt}
 * @param attributes   small extras (returnUrl, terminal label, merchant city …): at most 32 entries,
 *                     keys up to 64 and values up to 1024 characters; never null, unmodifiable
 */
public record Transaction(
        UUID id,
        String merchantId,
        PaymentMode mode,
        String md5,
        String qrString,
        BigDecimal amount,
        String currency,
        String bakongId,
        String merchantName,
        String description,
        PaymentStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant updatedAt,
        UpstreamPayment payment,
        String statusReason,
        boolean late,
        Map<String, String> attributes) {

    public Transaction {
        Objects.requireNonNull(id, "id must not be null");
        Checks.text(merchantId, "merchantId", 128);
        Objects.requireNonNull(mode, "mode must not be null");
        Checks.md5(md5, "md5");
        Checks.text(qrString, "qrString", 2048);
        Checks.amount(amount, "amount");
        Checks.currency(currency, "currency");
        Checks.text(bakongId, "bakongId", 128);
        Checks.text(merchantName, "merchantName", 128);
        Checks.optionalText(description, "description", 512);
        Objects.requireNonNull(status, "status must not be null");
        createdAt = Checks.instant(createdAt, "createdAt");
        expiresAt = Checks.instant(expiresAt, "expiresAt");
        updatedAt = Checks.instant(updatedAt, "updatedAt");
        Checks.optionalText(statusReason, "statusReason", 512);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (attributes.size() > 32) throw new IllegalArgumentException("attributes must hold at most 32 entries");
        attributes.forEach((k, v) -> {
            Checks.text(k, "attributes key", 64);
            if (v.length() > 1024)
                throw new IllegalArgumentException("attributes." + k + " must be at most 1024 characters");
        });
    }

    /** A new PENDING transaction builder; fill the required fields and {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this transaction's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.merchantId = merchantId;
        b.mode = mode;
        b.md5 = md5;
        b.qrString = qrString;
        b.amount = amount;
        b.currency = currency;
        b.bakongId = bakongId;
        b.merchantName = merchantName;
        b.description = description;
        b.status = status;
        b.createdAt = createdAt;
        b.expiresAt = expiresAt;
        b.updatedAt = updatedAt;
        b.payment = payment;
        b.statusReason = statusReason;
        b.late = late;
        b.attributes = attributes;
        return b;
    }

    /** The copy a store keeps after {@code t} won: status, payment, reason, late flag and time replaced. */
    public Transaction apply(StatusTransition t) {
        if (!t.transactionId().equals(id)) throw new IllegalArgumentException("transition is for another transaction");
        return toBuilder()
                .status(t.to())
                .payment(t.payment())
                .statusReason(t.reason())
                .late(t.late())
                .updatedAt(t.at())
                .build();
    }

    /** Builder for {@link Transaction}; {@code status} defaults to PENDING, {@code updatedAt} to {@code createdAt}. */
    public static final class Builder {
        private UUID id;
        private String merchantId;
        private PaymentMode mode;
        private String md5;
        private String qrString;
        private BigDecimal amount;
        private String currency;
        private String bakongId;
        private String merchantName;
        private String description;
        private PaymentStatus status = PaymentStatus.PENDING;
        private Instant createdAt;
        private Instant expiresAt;
        private Instant updatedAt;
        private UpstreamPayment payment;
        private String statusReason;
        private boolean late;
        private Map<String, String> attributes = Map.of();

        private Builder() {}

        public Builder id(UUID v) {
            id = v;
            return this;
        }

        public Builder merchantId(String v) {
            merchantId = v;
            return this;
        }

        public Builder mode(PaymentMode v) {
            mode = v;
            return this;
        }

        public Builder md5(String v) {
            md5 = v;
            return this;
        }

        public Builder qrString(String v) {
            qrString = v;
            return this;
        }

        public Builder amount(BigDecimal v) {
            amount = v;
            return this;
        }

        public Builder currency(String v) {
            currency = v;
            return this;
        }

        public Builder bakongId(String v) {
            bakongId = v;
            return this;
        }

        public Builder merchantName(String v) {
            merchantName = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder status(PaymentStatus v) {
            status = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder expiresAt(Instant v) {
            expiresAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        public Builder payment(UpstreamPayment v) {
            payment = v;
            return this;
        }

        public Builder statusReason(String v) {
            statusReason = v;
            return this;
        }

        public Builder late(boolean v) {
            late = v;
            return this;
        }

        public Builder attributes(Map<String, String> v) {
            attributes = v;
            return this;
        }

        public Transaction build() {
            return new Transaction(
                    id,
                    merchantId,
                    mode,
                    md5,
                    qrString,
                    amount,
                    currency,
                    bakongId,
                    merchantName,
                    description,
                    status,
                    createdAt,
                    expiresAt,
                    updatedAt == null ? createdAt : updatedAt,
                    payment,
                    statusReason,
                    late,
                    attributes);
        }
    }
}
