package dev.bakongpay.spi;

/**
 * Which Bakong a transaction or API key runs against. Test-mode keys create transactions that are
 * checked against the simulator, live keys against NBC; the two are never mixed.
 */
public enum PaymentMode {
    TEST,
    LIVE
}
