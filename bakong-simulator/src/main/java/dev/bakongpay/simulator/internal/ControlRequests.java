package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a control request into a payment order, whichever way it came: JSON, a raw image body
 * (options in the query string), or a multipart form with an image file and option fields.
 */
final class ControlRequests {

    private ControlRequests() {}

    /** The request's fields as text, with the QR read from an uploaded image when there is one. */
    static Map<String, String> fields(HttpServletRequest request) throws IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Map<String, String> fields = new HashMap<>();
        if (type.startsWith("multipart/form-data")) {
            for (Part part : parts(request)) {
                try (InputStream in = part.getInputStream()) {
                    byte[] bytes = in.readNBytes(HttpIo.MAX_BODY_BYTES);
                    if (part.getSubmittedFileName() != null) {
                        fields.put("qr", qrFromImage(bytes));
                    } else {
                        fields.put(part.getName(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        } else if (type.startsWith("image/") || type.startsWith("application/octet-stream")) {
            request.getParameterMap().forEach((name, values) -> fields.put(name, values[0]));
            fields.put("qr", qrFromImage(HttpIo.readBytes(request)));
        } else {
            JsonNode body = HttpIo.readJson(request);
            if (body == null || !body.isObject()) {
                throw PaymentDesk.refuse(400, NbcAnswer.MISSING_FIELDS, "the body must be a JSON object");
            }
            body.fields().forEachRemaining(e -> {
                JsonNode value = e.getValue();
                if (value.isObject() || value.isArray()) {
                    throw PaymentDesk.refuse(
                            400, NbcAnswer.MISSING_FIELDS, e.getKey() + " must be a string or a number");
                }
                if (!value.isNull()) {
                    fields.put(e.getKey(), value.isNumber() ? numberText(value.decimalValue()) : value.asText());
                }
            });
        }
        fields.values().removeIf(String::isBlank);
        return fields;
    }

    static PaymentDesk.Order order(Map<String, String> fields) {
        String qr = fields.get("qr");
        String md5 = fields.get("md5");
        if (qr == null && md5 == null) {
            throw PaymentDesk.refuse(
                    400, NbcAnswer.MISSING_FIELDS, "give the KHQR to pay: \"qr\" (or an image) or \"md5\"");
        }
        if (md5 != null && !md5.matches("[0-9a-fA-F]{32}")) {
            throw PaymentDesk.refuse(
                    400, NbcAnswer.MISSING_FIELDS, "md5 was '" + md5 + "' but it must be 32 hex digits");
        }
        String status = fields.getOrDefault("status", "SUCCESS").toUpperCase(Locale.ROOT);
        if (!status.equals("SUCCESS") && !status.equals("FAILED")) {
            throw PaymentDesk.refuse(
                    400, NbcAnswer.MISSING_FIELDS, "status was '" + status + "' but it must be SUCCESS or FAILED");
        }
        return new PaymentDesk.Order(
                qr,
                md5 == null ? null : md5.toLowerCase(Locale.ROOT),
                fields.get("fromAccountId"),
                decimal(fields, "amount"),
                fields.get("currency"),
                fields.get("toAccountId"),
                delay(fields),
                status);
    }

    /**
     * A JSON number as text: written out plainly only when its size is sane, so that {@code 1e2000000}
     * stays nine characters (and is then refused) instead of becoming two million digits.
     */
    private static String numberText(BigDecimal value) {
        return AmountBounds.fits(value) ? value.toPlainString() : value.toString();
    }

    private static BigDecimal decimal(Map<String, String> fields, String name) {
        String raw = fields.get(name);
        return raw == null ? null : AmountBounds.parse(name, raw);
    }

    /** Longest delay a payment may be reported after: a year (a larger one overflowed the clock). */
    static final long MAX_DELAY_MS = 365L * 24 * 3600 * 1000;

    private static long delay(Map<String, String> fields) {
        String raw = fields.get("delayMs");
        if (raw == null) {
            return 0;
        }
        try {
            if (raw.trim().length() > 24) {
                throw new ArithmeticException("too long");
            }
            long delay = new BigDecimal(raw.trim()).longValueExact();
            if (delay < 0 || delay > MAX_DELAY_MS) {
                throw new ArithmeticException("out of range");
            }
            return delay;
        } catch (NumberFormatException | ArithmeticException e) {
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
            throw PaymentDesk.refuse(
                    400,
                    NbcAnswer.MISSING_FIELDS,
                    "delayMs was '" + shown + "' but it must be a whole number of milliseconds from 0 to "
                            + MAX_DELAY_MS + " (a year)");
        }
    }

    private static String qrFromImage(byte[] image) {
        Optional<String> qr;
        try {
            qr = QrImages.read(image);
        } catch (QrImages.TooLarge e) {
            throw PaymentDesk.refuse(422, null, e.getMessage());
        }
        return qr.orElseThrow(() -> PaymentDesk.refuse(422, null, "no QR code could be read from the uploaded image"));
    }

    private static java.util.Collection<Part> parts(HttpServletRequest request) throws IOException {
        try {
            return request.getParts();
        } catch (ServletException | IllegalStateException e) {
            throw PaymentDesk.refuse(
                    400, NbcAnswer.MISSING_FIELDS, "the multipart body could not be read: " + e.getMessage());
        }
    }
}
