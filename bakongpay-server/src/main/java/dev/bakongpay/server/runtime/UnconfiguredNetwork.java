package dev.bakongpay.server.runtime;

import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentNetwork;

/**
 * A mode whose Bakong is not configured (live without an NBC token, test without a simulator).
 * Its payments can still be created; checking them answers "upstream unavailable" with the
 * setting to fix, instead of a call NBC would refuse.
 */
record UnconfiguredNetwork(String whatToSet) implements PaymentNetwork {
    @Override
    public NetworkAnswer check(String md5) {
        throw new PaymentException.NetworkUnavailable("this mode's Bakong is not configured: " + whatToSet, null);
    }
}
