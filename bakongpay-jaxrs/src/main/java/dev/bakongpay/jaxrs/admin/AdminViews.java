package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.ApiKeyRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API's JSON shapes, as maps so that empty fields are written as {@code null} (the
 * payment API leaves them out; the console reads every field). Never the key's hash or secret.
 * The {@code keys} command line prints the same shapes with {@code --json}.
 */
public final class AdminViews {
    /** Admin bodies are a few fields. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private AdminViews() {}

    /** {@code KeyView}: the key as operators see it, its state judged at {@code clock}'s now. */
    public static Map<String, Object> key(ApiKeyRecord r, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("prefix", r.prefix());
        m.put("label", r.label());
        m.put("merchantId", r.merchantId());
        m.put("plan", r.plan().name());
        m.put("mode", r.mode().name());
        m.put("state", r.state(clock.instant()).name());
        m.put("createdAt", text(r.createdAt()));
        m.put("lastUsedAt", text(r.lastUsedAt()));
        m.put("expiresAt", text(r.expiresAt()));
        m.put("revokedAt", text(r.revokedAt()));
        return m;
    }

    public static Map<String, Object> audit(AdminAuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", text(e.at()));
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("keyId", e.keyId());
        m.put("detail", e.detail());
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
