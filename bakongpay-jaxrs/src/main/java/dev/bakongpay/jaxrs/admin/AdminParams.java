package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.spi.TransactionSearch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the admin API's query parameters, collecting every problem so that one 422 names each bad
 * parameter (an operator fixing a URL by hand sees all of them at once). An absent or empty
 * parameter is no filter.
 */
final class AdminParams {
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private final List<Map<String, String>> problems = new ArrayList<>();

    String md5(String name, String value) {
        if (absent(value)) return null;
        String v = value.strip();
        if (!MD5.matcher(v).matches()) return problem(name, "invalid_md5", "must be 32 hex digits");
        return v.toLowerCase(Locale.ROOT);
    }

    UUID uuid(String name, String value) {
        if (absent(value)) return null;
        UUID id = parseUuid(value.strip());
        return id != null ? id : problem(name, "invalid_id", "must be a transaction id (a UUID)");
    }

    <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (absent(value)) return null;
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) return e;
        }
        return problem(name, "invalid_value", "must be one of " + names(type));
    }

    /** Printable text of at most {@code max} characters (a merchant id). */
    String text(String name, String value, int max) {
        if (absent(value)) return null;
        String v = value.strip();
        if (v.length() > max) return problem(name, "too_long", "must be at most " + max + " characters");
        if (v.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return problem(name, "invalid_characters", "must not contain control or invisible characters");
        }
        return v;
    }

    /** A whole number in [min, max], {@code fallback} when absent. Judged by its text: no overflow. */
    int number(String name, String value, int min, int max, int fallback) {
        if (absent(value)) return fallback;
        String v = value.strip();
        if (!v.matches("[0-9]{1,6}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            problem(name, "out_of_range", "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return Integer.parseInt(v);
    }

    /** The position a {@link #cursor} names, or null. */
    TransactionSearch.Position before(String name, String value) {
        if (absent(value)) return null;
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            UUID id = parseUuid(text.substring(colon + 1));
            if (id != null) {
                return new TransactionSearch.Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
            }
        } catch (RuntimeException e) {
            // not one of our cursors: the problem below says so
        }
        return problem(name, "invalid_cursor", "must be the 'next' value of a previous page");
    }

    /** The cursor of the page after the one ending with {@code p}: opaque to clients. */
    static String cursor(TransactionSearch.Position p) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, p.createdAt());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + p.id()).getBytes(StandardCharsets.US_ASCII));
    }

    /** Throws the 422 naming every problem found, if any. */
    void check() {
        if (problems.isEmpty()) return;
        StringBuilder message = new StringBuilder();
        for (Map<String, String> p : problems) {
            if (message.length() > 0) message.append("; ");
            message.append(p.get("field")).append(": ").append(p.get("message"));
        }
        throw new ApiException(422, "validation_failed", message.toString(), problems, Map.of());
    }

    static UUID parseUuid(String s) {
        if (s.length() != 36) return null;
        try {
            UUID id = UUID.fromString(s);
            return id.toString().equalsIgnoreCase(s) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private <T> T problem(String field, String code, String message) {
        problems.add(Json.detail(field, code, message));
        return null;
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder b = new StringBuilder();
        E[] all = type.getEnumConstants();
        for (int i = 0; i < all.length; i++)
            b.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].name());
        return b.toString();
    }
}
