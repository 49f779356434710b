package dev.bakongpay.core.bakong;

/** NBC's answer to check_bakong_account. */
public enum BakongAccountStatus {
    /** responseCode 0. */
    EXISTS,
    /** errorCode 11. */
    NOT_FOUND,
    /** errorCode 12: not a valid account ID. */
    INVALID
}
