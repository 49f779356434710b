package dev.bakongpay.simulator.internal;

import java.math.BigDecimal;

/**
 * What the mock bank app shows about a KHQR before paying it, and what paying needs. Field names
 * follow NBC's SDK decode output where one exists. {@code problem} says why it cannot be paid
 * (null when {@code payable}).
 */
public record InspectedQr(
        String qr,
        String md5,
        boolean payable,
        String problem,
        String merchantType,
        String bakongAccountID,
        String merchantName,
        String merchantCity,
        String acquiringBank,
        String accountInformation,
        String currency,
        BigDecimal amount,
        Long expiresAtMs,
        boolean dynamic,
        String billNumber,
        String purposeOfTransaction) {

    static InspectedQr unreadable(String qr, String md5, String problem) {
        return new InspectedQr(
                qr, md5, false, problem, null, null, null, null, null, null, null, null, null, false, null, null);
    }
}
