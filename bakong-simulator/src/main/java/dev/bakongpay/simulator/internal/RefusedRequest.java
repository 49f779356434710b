package dev.bakongpay.simulator.internal;

/**
 * Ends a request early with a ready answer (a missing field, a wrong type...). A normal outcome,
 * so it carries no stack trace.
 */
public final class RefusedRequest extends RuntimeException {

    private final transient NbcAnswer answer;

    public RefusedRequest(NbcAnswer answer) {
        this(answer, answer.responseMessage());
    }

    /** {@code reason} is for the log: NBC's answers carry only its own fixed messages. */
    public RefusedRequest(NbcAnswer answer, String reason) {
        super(reason, null, false, false);
        this.answer = answer;
    }

    public NbcAnswer answer() {
        return answer;
    }
}
