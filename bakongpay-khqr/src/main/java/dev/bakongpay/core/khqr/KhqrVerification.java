package dev.bakongpay.core.khqr;

/**
 * The verdict of the current official SDK's {@code verify()} on a string, with the reason the
 * SDK does not give: {@code error} is null exactly when {@code valid}.
 */
public record KhqrVerification(boolean valid, KhqrError error) {

    private static final KhqrVerification VALID = new KhqrVerification(true, null);

    public KhqrVerification {
        if (valid != (error == null)) {
            throw new IllegalArgumentException("error must be null exactly when valid");
        }
    }

    public static KhqrVerification ok() {
        return VALID;
    }

    public static KhqrVerification invalid(KhqrError error) {
        return new KhqrVerification(false, error);
    }
}
