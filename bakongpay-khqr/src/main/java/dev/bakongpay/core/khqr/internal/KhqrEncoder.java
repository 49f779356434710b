package dev.bakongpay.core.khqr.internal;

import dev.bakongpay.core.khqr.KhqrErrorCode;
import dev.bakongpay.core.khqr.KhqrMerchantType;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.khqr.KhqrValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/**
 * Writes a validated payload in the SDK's tag order (00 01 [15] 29|30 52 53 [54] 58 59 60 [62]
 * [64] [99] 63) in one pass, straight as UTF-8 into a fresh byte array sized for the usual all-ASCII
 * QR. The CRC runs over those bytes and its four digits go into the same array, so one array feeds
 * the CRC, the md5 and the returned String: no char buffer, no re-encoding, no concatenation.
 */
public final class KhqrEncoder {

    /**
     * Room for everything but the payload's own values: 00 and 01 (12), the 29/30, 62 and 64
     * headers (12), 53 (7), 58 (6), tag 54 at its 13-character limit (17), tag 99 with two
     * 19-digit numbers (50), 63 (8). All ASCII, one byte each.
     */
    static final int FIXED_BYTES = 112;

    private KhqrEncoder() {}

    /**
     * Encodes a validated payload; {@code ascii} must be true only when every value is ASCII
     * (PayloadRules.wellFormed says), in which case the values are copied without looking at them.
     */
    public static KhqrResult encode(KhqrPayload p, boolean ascii, Clock clock) {
        long now = clock.millis();
        long creation = 0;
        long expiration = 0;
        boolean dynamic = p.dynamic();
        if (dynamic) {
            creation = p.creationTimestamp().orElse(now);
            expiration = p.expirationTimestamp().getAsLong();
            if (expiration < creation) {
                throw new KhqrValidationException(
                        KhqrErrorCode.EXPIRATION_TIMESTAMP_IN_THE_PAST, "expirationTimestamp");
            }
            if (expiration < now) {
                throw new KhqrValidationException(KhqrErrorCode.KHQR_EXPIRED, "expirationTimestamp");
            }
        }
        Writer w = new Writer(new byte[capacity(p)], ascii);
        w.raw(dynamic ? "000201010212" : "000201010211");
        if (p.upiMerchantAccount() != null) {
            w.tlv('1', '5', p.upiMerchantAccount());
        }
        accountTemplate(w, p);
        w.tlv('5', '2', p.merchantCategoryCode());
        w.raw("5303").raw(p.currency().code());
        if (dynamic) {
            w.tlv('5', '4', p.formattedAmount());
        }
        w.raw("5802KH");
        w.tlv('5', '9', p.merchantName());
        w.tlv('6', '0', p.merchantCity());
        additionalData(w, p);
        languageTemplate(w, p);
        if (dynamic) {
            int c = digits(creation);
            int e = digits(expiration);
            w.tag('9', '9').length(8 + c + e);
            w.tag('0', '0').length(c).number(creation, c);
            w.tag('0', '1').length(e).number(expiration, e);
        }
        w.raw("6304");
        w.crc(Crc16.of(w.buf, 0, w.pos));
        // Decoding is exact both ways: PayloadRules refuses the unpaired surrogates UTF-8 cannot carry.
        String qr = new String(w.buf, 0, w.pos, w.ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return new KhqrResult(qr, Md5.hex(w.buf, 0, w.pos));
    }

    private static void accountTemplate(Writer w, KhqrPayload p) {
        String first = p.type() == KhqrMerchantType.MERCHANT ? p.merchantID() : p.accountInformation();
        String bank = p.acquiringBank();
        String id = p.bakongAccountID();
        w.raw(p.type().tag()).length(4 + id.length() + size(first) + size(bank));
        w.tlv('0', '0', id);
        w.optional('0', '1', first);
        w.optional('0', '2', bank);
    }

    private static void additionalData(Writer w, KhqrPayload p) {
        int len = size(p.billNumber())
                + size(p.mobileNumber())
                + size(p.storeLabel())
                + size(p.terminalLabel())
                + size(p.purposeOfTransaction());
        if (len == 0) {
            return;
        }
        w.tag('6', '2').length(len);
        w.optional('0', '1', p.billNumber());
        w.optional('0', '2', p.mobileNumber());
        w.optional('0', '3', p.storeLabel());
        w.optional('0', '7', p.terminalLabel());
        w.optional('0', '8', p.purposeOfTransaction());
    }

    private static void languageTemplate(Writer w, KhqrPayload p) {
        String name = p.merchantNameAlternateLanguage();
        // The SDK writes the preference only together with the alternate name (since 1.0.18).
        String preference = name == null ? null : p.languagePreference();
        String city = p.merchantCityAlternateLanguage();
        int len = size(preference) + size(name) + size(city);
        if (len == 0) {
            return;
        }
        w.tag('6', '4').length(len);
        w.optional('0', '0', preference);
        w.optional('0', '1', name);
        w.optional('0', '2', city);
    }

    /** At least the QR's length in bytes if it is all ASCII; PayloadRules bounds every value. */
    private static int capacity(KhqrPayload p) {
        return FIXED_BYTES
                + size(p.upiMerchantAccount())
                + size(p.bakongAccountID())
                + size(p.merchantID())
                + size(p.accountInformation())
                + size(p.acquiringBank())
                + size(p.merchantCategoryCode())
                + size(p.merchantName())
                + size(p.merchantCity())
                + size(p.billNumber())
                + size(p.mobileNumber())
                + size(p.storeLabel())
                + size(p.terminalLabel())
                + size(p.purposeOfTransaction())
                + size(p.languagePreference())
                + size(p.merchantNameAlternateLanguage())
                + size(p.merchantCityAlternateLanguage());
    }

    private static int size(String value) {
        return value == null ? 0 : 4 + value.length();
    }

    private static int digits(long v) {
        int d = 1;
        for (long x = v; x >= 10; x /= 10) {
            d++;
        }
        return d;
    }

    /**
     * Appends UTF-8 to a byte array; no capacity checks needed because PayloadRules bounds every
     * value. The array is sized for one byte a char; the first non-ASCII char triples it, enough
     * for the rest of the QR (a char needs at most three bytes, a surrogate pair four for two).
     */
    private static final class Writer {
        private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

        byte[] buf;
        int pos;
        /** What PayloadRules found; the values are copied as they are while it holds. */
        final boolean asciiValues;
        /** Whether the bytes written so far are all ASCII. */
        boolean ascii = true;

        Writer(byte[] buf, boolean asciiValues) {
            this.buf = buf;
            this.asciiValues = asciiValues;
        }

        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exact for ASCII
        Writer raw(String s) {
            int n = s.length();
            if (asciiValues) {
                // For the JDK's compact strings an array copy, cheaper than a loop of charAt and stores.
                s.getBytes(0, n, buf, pos);
                pos += n;
                return this;
            }
            byte[] b = buf;
            int at = pos;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    pos = at;
                    utf8(s, i);
                    return this;
                }
                b[at++] = (byte) c;
            }
            pos = at;
            return this;
        }

        /** {@code s} from {@code from} on, Node-exact as {@link Utf8}. */
        private void utf8(String s, int from) {
            if (ascii) {
                ascii = false;
                buf = Arrays.copyOf(buf, buf.length * 3);
            }
            pos = Utf8.encodeInto(s, from, buf, pos); // the one UTF-8 encoder
        }

        Writer length(int length) {
            if (length > PayloadRules.MAX_VALUE_LENGTH) {
                // PayloadRules refuses such payloads; reaching here is a bug, not bad input.
                throw new IllegalStateException("value of " + length + " characters cannot be encoded");
            }
            buf[pos++] = (byte) ('0' + length / 10);
            buf[pos++] = (byte) ('0' + length % 10);
            return this;
        }

        void number(long v, int digits) {
            for (int i = pos + digits - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += digits;
        }

        Writer tag(char t0, char t1) {
            buf[pos] = (byte) t0;
            buf[pos + 1] = (byte) t1;
            pos += 2;
            return this;
        }

        /** The CRC's four upper-case hex digits. */
        void crc(int crc) {
            for (int shift = 12; shift >= 0; shift -= 4) {
                buf[pos++] = HEX_UPPER[(crc >> shift) & 0xF];
            }
        }

        void tlv(char t0, char t1, String value) {
            tag(t0, t1).length(value.length()).raw(value);
        }

        void optional(char t0, char t1, String value) {
            if (value != null) {
                tlv(t0, t1, value);
            }
        }
    }
}
