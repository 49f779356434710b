package dev.bakongpay.spi;

/** A merchant's plan, which decides its rate limit and the features it may use. */
public enum Plan {
    FREE,
    PRO,
    ENTERPRISE
}
