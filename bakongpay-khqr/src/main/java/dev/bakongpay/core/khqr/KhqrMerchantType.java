package dev.bakongpay.core.khqr;

/** Which account template a KHQR carries: tag 29 (individual) or tag 30 (merchant). */
public enum KhqrMerchantType {
    INDIVIDUAL("29"),
    MERCHANT("30");

    private final String tag;

    KhqrMerchantType(String tag) {
        this.tag = tag;
    }

    /** The tag as written in the QR and reported by the SDK's decode ({@code merchantType}). */
    public String tag() {
        return tag;
    }
}
