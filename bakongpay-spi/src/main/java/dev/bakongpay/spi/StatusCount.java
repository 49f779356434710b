package dev.bakongpay.spi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How many transactions created in one minute have one status now ({@link TransactionStore#countPerMinute}).
 *
 * @param minute the minute's start (UTC, whole minute)
 * @param status the transactions' current status
 * @param count  at least 1: minutes without transactions are left out
 */
public record StatusCount(Instant minute, PaymentStatus status, long count) {
    public StatusCount {
        Objects.requireNonNull(minute, "minute must not be null");
        if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute))
            throw new IllegalArgumentException("minute must be a whole minute");
        Objects.requireNonNull(status, "status must not be null");
        if (count < 1) throw new IllegalArgumentException("count must be positive");
    }
}
