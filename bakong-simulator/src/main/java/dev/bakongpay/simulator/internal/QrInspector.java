package dev.bakongpay.simulator.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * The simulator's only door to KHQR: every decode, verification and md5 goes through here, so
 * that the codec of {@code bakongpay-core} is wired in one place.
 *
 * <p>Until the core codec lands, {@link KhqrFields} reads the fields the simulator needs; it
 * checks the CRC, the required tags, and the expiry of dynamic QRs on the simulator's clock.
 */
public final class QrInspector {

    private final Clock clock;

    public QrInspector(Clock clock) {
        this.clock = clock;
    }

    public static String md5(String qr) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(qr.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    public InspectedQr inspect(String qr) {
        String md5 = md5(qr);
        KhqrFields fields;
        try {
            fields = KhqrFields.parse(qr);
        } catch (IllegalArgumentException e) {
            return InspectedQr.unreadable(qr, md5, "KHQR is invalid: " + e.getMessage());
        }
        String problem = fields.problem(clock.millis());
        Map<String, String> f = fields.values();
        return new InspectedQr(qr, md5, problem == null, problem,
                f.get("merchantType"), f.get("bakongAccountID"), f.get("merchantName"), f.get("merchantCity"),
                f.get("acquiringBank"), f.get("accountInformation"), currencyCode(f.get("transactionCurrency")),
                amount(f.get("transactionAmount")), millis(f.get("expirationTimestamp")), "12".equals(f.get("pointofInitiationMethod")),
                f.get("billNumber"), f.get("purposeOfTransaction"));
    }

    private static String currencyCode(String numeric) {
        if ("840".equals(numeric)) {
            return "USD";
        }
        return "116".equals(numeric) ? "KHR" : null;
    }

    private static BigDecimal amount(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long millis(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
