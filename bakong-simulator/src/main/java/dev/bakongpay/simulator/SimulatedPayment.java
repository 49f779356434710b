package dev.bakongpay.simulator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A payment the simulator settled, as NBC reports it (the {@code data} of
 * {@code check_transaction_by_md5}) plus the two facts NBC keeps beside it: which KHQR it paid
 * ({@code md5}) and whether it went through ({@code status}, {@code SUCCESS} or {@code FAILED}).
 * It becomes visible to the Open API at {@code acknowledgedDateMs}, which is later than
 * {@code createdDateMs} when the payment was made with a delay.
 */
public record SimulatedPayment(
        String md5,
        String status,
        String hash,
        String fromAccountId,
        String toAccountId,
        String currency,
        BigDecimal amount,
        String description,
        long createdDateMs,
        long acknowledgedDateMs,
        String trackingStatus,
        String receiverBank,
        String receiverBankAccount,
        String externalRef,
        String instructionRef) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    public SimulatedPayment {
        Objects.requireNonNull(md5, "md5");
        Objects.requireNonNull(hash, "hash");
        if (!SUCCESS.equals(status) && !FAILED.equals(status)) {
            throw new IllegalArgumentException("status was '" + status + "' but it must be SUCCESS or FAILED");
        }
    }

    public boolean succeeded() {
        return SUCCESS.equals(status);
    }

    /** Whether NBC would already report it at {@code nowMs}. */
    public boolean visibleAt(long nowMs) {
        return nowMs >= acknowledgedDateMs;
    }
}
