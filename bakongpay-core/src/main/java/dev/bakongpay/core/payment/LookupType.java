package dev.bakongpay.core.payment;

import java.util.Optional;

/** What {@code /check/transaction}'s {@code query} is: our id, the KHQR md5 or Bakong's payment hash. */
public enum LookupType {
    TRANSACTION_ID("transactionId"),
    MD5("md5"),
    HASH("hash");

    private final String wireName;

    LookupType(String wireName) {
        this.wireName = wireName;
    }

    /** As written in requests: {@code transactionId}, {@code md5}, {@code hash}. */
    public String wireName() {
        return wireName;
    }

    /** By wire name, case-insensitive; empty for anything else. */
    public static Optional<LookupType> fromWireName(String name) {
        for (LookupType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
