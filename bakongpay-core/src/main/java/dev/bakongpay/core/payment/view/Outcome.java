package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The fields every view of a transaction derives the same way. */
final class Outcome {
    private Outcome() {}

    /** {@code late}: shown for a SUCCESS only. */
    static Boolean late(Transaction t) {
        return t.status() == PaymentStatus.SUCCESS ? t.late() : null;
    }

    /** {@code failureReason}: the code of a FAILED transaction's reason. */
    static String failureReason(Transaction t) {
        return t.status() == PaymentStatus.FAILED && t.statusReason() != null ? PaymentCheck.failureCode(t) : null;
    }

    /** {@code failureMessage}: a FAILED transaction's whole reason. */
    static String failureMessage(Transaction t) {
        return t.status() == PaymentStatus.FAILED ? t.statusReason() : null;
    }

    /** {@code metadata}: the attributes by name, left out when there are none. */
    static Map<String, String> metadata(Transaction t) {
        return t.attributes().isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(t.attributes()));
    }
}
