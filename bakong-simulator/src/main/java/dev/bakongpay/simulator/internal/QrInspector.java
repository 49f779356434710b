package dev.bakongpay.simulator.internal;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.core.khqr.KhqrVerification;
import java.time.Clock;
import java.time.Instant;

/**
 * The simulator's only door to KHQR: every decode, verification and md5 goes through the core
 * codec here, on the simulator's clock, so a QR that NBC's SDK would reject cannot be paid.
 */
public final class QrInspector {

    private final Clock clock;

    public QrInspector(Clock clock) {
        this.clock = clock;
    }

    public static String md5(String text) {
        return Khqr.md5(text);
    }

    public InspectedQr inspect(String qr) {
        String md5 = Khqr.md5(qr);
        KhqrData data;
        try {
            data = Khqr.decode(qr);
        } catch (KhqrException e) {
            return InspectedQr.unreadable(qr, md5, "KHQR is invalid: " + e.getMessage());
        }
        return new InspectedQr(
                qr,
                md5,
                problem(qr, data) == null,
                problem(qr, data),
                data.merchantType(),
                data.bakongAccountID(),
                data.merchantName(),
                data.merchantCity(),
                data.acquiringBank(),
                data.accountInformation(),
                data.currency().map(Enum::name).orElse(null),
                data.amount().orElse(null),
                data.expiresAt().map(Instant::toEpochMilli).orElse(null),
                data.dynamic(),
                data.billNumber(),
                data.purposeOfTransaction());
    }

    /** Why the QR cannot be paid now, or null. */
    private String problem(String qr, KhqrData data) {
        KhqrVerification verdict = Khqr.verify(qr, clock);
        if (!verdict.valid()) {
            String field = verdict.error().field() == null
                    ? ""
                    : " (" + verdict.error().field() + ")";
            return "KHQR is invalid: " + verdict.error().message() + field + " [KHQR error "
                    + verdict.error().code() + "]";
        }
        // NBC's SDK skips the expiry rules when tag 01 is absent; a bank app would still refuse to pay
        if (data.expiresAt().isPresent() && !data.expiresAt().get().isAfter(clock.instant())) {
            return "This dynamic KHQR has expired";
        }
        if (data.bakongAccountID() == null) {
            return "KHQR is invalid: it names no Bakong account";
        }
        return null;
    }
}
