package dev.bakongpay.core.khqr;

import dev.bakongpay.core.khqr.internal.KhqrDecoder;
import dev.bakongpay.core.khqr.internal.KhqrEncoder;
import dev.bakongpay.core.khqr.internal.KhqrVerifier;
import dev.bakongpay.core.khqr.internal.Md5;
import dev.bakongpay.core.khqr.internal.Utf8;
import java.time.Clock;
import java.util.Objects;

/**
 * KHQR, Cambodia's national QR payment code, the way NBC's official SDK ({@code bakong-khqr})
 * reads and writes it: byte-for-byte the same strings, the same verdicts, the same error codes.
 *
 * <pre>{@code
 * KhqrResult r = Khqr.encode(KhqrPayload.individual("john_smith@devb")
 *         .merchantName("John Smith").currency(KhqrCurrency.USD).amount(new BigDecimal("1.50"))
 *         .expiresAt(Instant.now().plusSeconds(600)).build());
 * r.qr();   // 000201010212...6304XXXX
 * r.md5();  // what NBC's check_transaction_by_md5 is asked with
 * }</pre>
 *
 * <p>Uses only the JDK. Thread-safe.
 */
public final class Khqr {

    private Khqr() {}

    /** Encodes with the system clock (UTC) for the creation time and the expiry checks. */
    public static KhqrResult encode(KhqrPayload payload) {
        return encode(payload, Clock.systemUTC());
    }

    /**
     * Encodes {@code payload}. The clock gives the creation time unless the payload sets one,
     * and the "expiration after creation" (50) and "not expired" (46) checks.
     *
     * @throws KhqrValidationException the SDK's code and message, naming the field
     */
    public static KhqrResult encode(KhqrPayload payload, Clock clock) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(clock, "clock");
        return KhqrEncoder.encode(payload, payload.ascii(), clock);
    }

    /**
     * Reads any well-formed KHQR, old formats included (amounts such as {@code 500.0}, dynamic
     * codes without timestamps, lower-case CRC). Checks structure only, never limits or CRC: use
     * {@link #verify(String)} for the verdict.
     *
     * @throws KhqrDecodeException when the string is not tag-length-value (code 8)
     */
    public static KhqrData decode(String qr) {
        return KhqrDecoder.decode(qr);
    }

    /** The verdict the current official SDK gives, with the reason; never throws. */
    public static KhqrVerification verify(String qr) {
        return verify(qr, Clock.systemUTC());
    }

    /** As {@link #verify(String)}, judging expiry against {@code clock}. */
    public static KhqrVerification verify(String qr, Clock clock) {
        long now;
        try {
            now = clock.millis();
        } catch (RuntimeException e) {
            now = System.currentTimeMillis();
        }
        return KhqrVerifier.verify(qr, now);
    }

    /** MD5 of the UTF-8 bytes of the whole string, 32 lower-case hex digits, as NBC indexes payments. */
    public static String md5(String qr) {
        Objects.requireNonNull(qr, "qr");
        return Md5.hex(Utf8.encode(qr));
    }
}
