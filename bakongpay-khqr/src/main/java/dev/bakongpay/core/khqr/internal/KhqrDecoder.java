package dev.bakongpay.core.khqr.internal;

import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.core.khqr.KhqrDecodeException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict tag-length-value reader: every length is two ASCII digits and every value ends inside
 * its parent, or {@link KhqrDecodeException}. Lenient about content: no CRC, limit or order
 * check, so QR codes from older SDKs and bank apps still read. A repeated tag: the last wins.
 */
public final class KhqrDecoder {

    // Indexes into the field array, in KhqrData component order.
    private static final int MERCHANT_TYPE = 0,
            ACCOUNT_ID = 1,
            ACCOUNT_INFO = 2,
            MERCHANT_ID = 3,
            BANK = 4,
            BILL = 5,
            MOBILE = 6,
            STORE = 7,
            TERMINAL = 8,
            PURPOSE = 9,
            LANGUAGE = 10,
            ALT_NAME = 11,
            ALT_CITY = 12,
            CREATED = 13,
            EXPIRES = 14,
            FORMAT = 15,
            INITIATION = 16,
            UPI = 17,
            MCC = 18,
            CURRENCY = 19,
            AMOUNT = 20,
            COUNTRY = 21,
            NAME = 22,
            CITY = 23,
            CRC = 24;

    private KhqrDecoder() {}

    public static KhqrData decode(String qr) {
        if (qr == null || qr.isEmpty()) {
            throw new KhqrDecodeException("qr", 0);
        }
        String[] f = new String[25];
        Map<String, String> unknown = null;
        int n = qr.length();
        int pos = 0;
        while (pos < n) {
            // a broken CRC tag (cut short, three hex digits) is named as such, as verify names it
            String field = qr.startsWith("63", pos) ? "crc" : "qr";
            int tag = tag(qr, pos, n, field);
            int start = pos + 4;
            int end = start + length(qr, pos, n, field);
            switch (tag) {
                case 0:
                    f[FORMAT] = qr.substring(start, end);
                    break;
                case 1:
                    f[INITIATION] = qr.substring(start, end);
                    break;
                case 15:
                    f[UPI] = qr.substring(start, end);
                    break;
                case 29:
                case 30:
                    f[MERCHANT_TYPE] = tag == 29 ? "29" : "30";
                    unknown = template(qr, start, end, tag, f, unknown);
                    break;
                case 52:
                    f[MCC] = qr.substring(start, end);
                    break;
                case 53:
                    f[CURRENCY] = qr.substring(start, end);
                    break;
                case 54:
                    f[AMOUNT] = qr.substring(start, end);
                    break;
                case 58:
                    f[COUNTRY] = qr.substring(start, end);
                    break;
                case 59:
                    f[NAME] = qr.substring(start, end);
                    break;
                case 60:
                    f[CITY] = qr.substring(start, end);
                    break;
                case 62:
                case 64:
                case 99:
                    unknown = template(qr, start, end, tag, f, unknown);
                    break;
                case 63:
                    f[CRC] = qr.substring(start, end);
                    break;
                default:
                    unknown = put(unknown, qr.substring(pos, pos + 2), qr.substring(start, end));
            }
            pos = end;
        }
        return new KhqrData(
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15],
                f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24], unknown);
    }

    private static Map<String, String> template(
            String qr, int from, int to, int parent, String[] f, Map<String, String> unknown) {
        int pos = from;
        while (pos < to) {
            int sub = tag(qr, pos, to, templateName(parent));
            int start = pos + 4;
            int end = start + length(qr, pos, to, templateName(parent));
            int slot = slot(parent, sub);
            if (slot >= 0) {
                f[slot] = qr.substring(start, end);
            } else {
                String key = (parent < 10 ? "0" : "") + parent + "." + qr.substring(pos, pos + 2);
                unknown = put(unknown, key, qr.substring(start, end));
            }
            pos = end;
        }
        return unknown;
    }

    private static int slot(int parent, int sub) {
        switch (parent) {
            case 29:
            case 30:
                return sub == 0
                        ? ACCOUNT_ID
                        : sub == 1 ? (parent == 30 ? MERCHANT_ID : ACCOUNT_INFO) : sub == 2 ? BANK : -1;
            case 62:
                return sub == 1
                        ? BILL
                        : sub == 2 ? MOBILE : sub == 3 ? STORE : sub == 7 ? TERMINAL : sub == 8 ? PURPOSE : -1;
            case 64:
                return sub == 0 ? LANGUAGE : sub == 1 ? ALT_NAME : sub == 2 ? ALT_CITY : -1;
            case 99:
                return sub == 0 ? CREATED : sub == 1 ? EXPIRES : -1;
            default:
                return -1;
        }
    }

    static String templateName(int tag) {
        switch (tag) {
            case 29:
            case 30:
                return "globalUniqueIdentifier";
            case 62:
                return "additionalData";
            case 64:
                return "merchantInformationLanguageTemplate";
            case 99:
                return "timestamp";
            default:
                return "qr";
        }
    }

    /** The tag as a number when it is two digits; -1 for a tag of other characters (kept as unknown). */
    private static int tag(String s, int pos, int end, String field) {
        if (end - pos < 4) {
            throw new KhqrDecodeException(field, pos);
        }
        int hi = s.charAt(pos) - '0';
        int lo = s.charAt(pos + 1) - '0';
        return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
    }

    private static int length(String s, int pos, int end, String field) {
        int hi = s.charAt(pos + 2) - '0';
        int lo = s.charAt(pos + 3) - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
            throw new KhqrDecodeException(field, pos + 2);
        }
        int length = hi * 10 + lo;
        if (pos + 4 + length > end) {
            throw new KhqrDecodeException(field, pos + 2);
        }
        return length;
    }

    private static Map<String, String> put(Map<String, String> map, String key, String value) {
        Map<String, String> m = map == null ? new LinkedHashMap<>() : map;
        m.put(key, value);
        return m;
    }
}
