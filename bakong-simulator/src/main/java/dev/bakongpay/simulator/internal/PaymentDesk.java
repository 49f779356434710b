package dev.bakongpay.simulator.internal;

import dev.bakongpay.simulator.SimulatedPayment;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The paying customer's side: turns "pay this KHQR (or md5)" into a settled payment. The QR must
 * be valid and unexpired on the simulator's clock; an md5 alone is enough only when the simulator
 * has seen its QR before, because NBC too only knows an md5 through a real QR.
 */
public final class PaymentDesk {

    /** Payments come from this account unless the order names another. */
    public static final String DEFAULT_PAYER = "bakong_simulator@devb";

    /** A payment order as the control API receives it; null fields take the QR's values. */
    public record Order(
            String qr,
            String md5,
            String fromAccountId,
            BigDecimal amount,
            String currency,
            String toAccountId,
            long delayMs,
            String status) {}

    private final Ledger ledger;
    private final QrInspector inspector;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PaymentDesk(Ledger ledger, QrInspector inspector, Clock clock) {
        this.ledger = ledger;
        this.inspector = inspector;
        this.clock = clock;
    }

    public SimulatedPayment pay(Order order) {
        String qr = order.qr() != null
                ? order.qr()
                : ledger.qr(order.md5())
                        .orElseThrow(
                                () -> refuse(
                                        404,
                                        NbcAnswer.NOT_FOUND,
                                        "md5 " + order.md5()
                                                + " belongs to no KHQR the simulator has seen: pay by QR, or submit the QR first (POST /simulator/qrs)"));
        InspectedQr inspected = inspector.inspect(qr);
        if (order.md5() != null && !order.md5().equalsIgnoreCase(inspected.md5())) {
            throw refuse(
                    400,
                    NbcAnswer.MISSING_FIELDS,
                    "md5 " + order.md5() + " is not the md5 of the given qr (" + inspected.md5() + ")");
        }
        if (!inspected.payable()) {
            throw refuse(422, null, "This KHQR cannot be paid: " + inspected.problem());
        }
        ledger.rememberQr(inspected.md5(), qr);
        BigDecimal amount = order.amount() != null ? order.amount() : inspected.amount();
        if (amount == null) {
            throw refuse(400, NbcAnswer.MISSING_FIELDS, "This static KHQR carries no amount: give one (\"amount\")");
        }
        if (amount.signum() <= 0) {
            throw refuse(
                    400, NbcAnswer.MISSING_FIELDS, "amount was " + amount.toPlainString() + " but it must be positive");
        }
        String currency = order.currency() != null ? order.currency().toUpperCase(Locale.ROOT) : inspected.currency();
        if (!"USD".equals(currency) && !"KHR".equals(currency)) {
            throw refuse(400, NbcAnswer.MISSING_FIELDS, "currency was '" + currency + "' but it must be USD or KHR");
        }
        long now = clock.millis();
        String hash = HexFormat.of().formatHex(randomBytes(32));
        SimulatedPayment payment = new SimulatedPayment(
                inspected.md5(),
                order.status() == null ? SimulatedPayment.SUCCESS : order.status(),
                hash,
                order.fromAccountId() != null ? order.fromAccountId() : DEFAULT_PAYER,
                order.toAccountId() != null ? order.toAccountId() : inspected.bakongAccountID(),
                currency,
                amount,
                description(inspected),
                now,
                now + order.delayMs(),
                null,
                inspected.acquiringBank(),
                inspected.accountInformation(),
                String.format(Locale.ROOT, "100FT%011d", Long.parseLong(hash.substring(0, 12), 16) % 100_000_000_000L),
                hash.substring(52).toUpperCase(Locale.ROOT));
        SimulatedPayment standing = ledger.settle(payment);
        if (standing != payment) {
            throw refuse(
                    409,
                    null,
                    "This KHQR was already settled (" + standing.status() + ", hash " + standing.hash()
                            + "); reset the simulator to pay it again");
        }
        return payment;
    }

    public InspectedQr submit(String qr) {
        InspectedQr inspected = inspector.inspect(qr);
        if (inspected.merchantName() != null || inspected.payable()) {
            ledger.rememberQr(inspected.md5(), qr);
        }
        return inspected;
    }

    private static String description(InspectedQr qr) {
        return qr.purposeOfTransaction() != null ? qr.purposeOfTransaction() : qr.billNumber();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static RefusedRequest refuse(int httpStatus, Integer errorCode, String message) {
        return new RefusedRequest(NbcAnswer.failure(httpStatus, errorCode, message));
    }
}
