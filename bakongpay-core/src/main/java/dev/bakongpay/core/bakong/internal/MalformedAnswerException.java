package dev.bakongpay.core.bakong.internal;

import dev.bakongpay.core.bakong.BakongUnavailableException;

/**
 * NBC (or something in front of it) answered, but the answer as a whole cannot be read: not its
 * JSON envelope, larger than {@link NbcJson#MAX_BODY_BYTES}, nested too deep, or a list answer
 * without a list. NBC is up, so it never counts against the circuit breaker. A read is retried;
 * a list call that gets one is asked again md5 by md5, so one bad payment costs only its own answer.
 */
final class MalformedAnswerException extends BakongUnavailableException {

    MalformedAnswerException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }
}
