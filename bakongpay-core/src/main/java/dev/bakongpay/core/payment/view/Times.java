package dev.bakongpay.core.payment.view;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How the views write an instant. */
public final class Times {
    private Times() {}

    /** ISO-8601 UTC, millisecond precision at most ({@code 2026-06-02T14:00:00Z}). */
    public static String iso(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
