package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One change an operator made, as the audit trail keeps it.
 *
 * @param at     when
 * @param actor  who: the admin credential ({@code admin:1a2b3c4d}) or the command line ({@code cli:alice})
 * @param action what: {@code key.create}, {@code key.revoke}, {@code key.rotate}, {@code key.plan}, …
 * @param keyId  the API key it concerns; null if none
 * @param detail a short, secret-free description ({@code plan FREE -> PRO}); may be empty
 */
public record AdminAuditEntry(Instant at, String actor, String action, String keyId, String detail) {
    public static final int MAX_DETAIL_LENGTH = 1000;

    public AdminAuditEntry {
        at = Checks.instant(at, "at");
        Checks.text(actor, "actor", 128);
        Checks.text(action, "action", 64);
        keyId = Checks.optionalText(keyId, "keyId", 64);
        detail = Objects.requireNonNullElse(detail, "");
        if (detail.length() > MAX_DETAIL_LENGTH) detail = detail.substring(0, MAX_DETAIL_LENGTH);
    }
}
