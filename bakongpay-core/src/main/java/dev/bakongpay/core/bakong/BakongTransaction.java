package dev.bakongpay.core.bakong;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A payment as NBC records it. Field names are NBC's. Compare {@code amount} with
 * {@link BigDecimal#compareTo}: NBC writes {@code 1} or {@code 1.0} for the same dollar.
 *
 * @param hash                NBC's transaction hash (64 hex)
 * @param fromAccountId       payer account, often the paying bank's settlement account
 * @param toAccountId         receiving Bakong account
 * @param currency            {@code USD} or {@code KHR}
 * @param amount              in major units, exact
 * @param description         may be null
 * @param createdDateMs       epoch milliseconds, null when NBC omits it
 * @param acknowledgedDateMs  epoch milliseconds, null when NBC omits it
 * @param trackingStatus      may be null
 * @param receiverBank        may be null
 * @param receiverBankAccount may be null
 * @param instructionRef      may be null
 * @param externalRef         may be null
 */
public record BakongTransaction(
        String hash,
        String fromAccountId,
        String toAccountId,
        String currency,
        BigDecimal amount,
        String description,
        Long createdDateMs,
        Long acknowledgedDateMs,
        String trackingStatus,
        String receiverBank,
        String receiverBankAccount,
        String instructionRef,
        String externalRef) {

    public BakongTransaction {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(toAccountId, "toAccountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }
}
