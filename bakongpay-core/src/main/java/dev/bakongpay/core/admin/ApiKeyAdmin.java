package dev.bakongpay.core.admin;

import dev.bakongpay.core.payment.FieldError;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.internal.TextRules;
import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyState;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API-key management, the rules the command line and the admin API share: issue a key (shown
 * once, stored as its SHA-256), list, revoke, rotate with a grace period, change plan. Every change
 * is written to the audit trail with the actor that made it. Bad input is a
 * {@link PaymentException.Invalid} naming the field; an unknown id is an empty answer.
 */
public final class ApiKeyAdmin {
    /** Longest grace period a rotation may give the old key. */
    public static final Duration MAX_GRACE = Duration.ofDays(30);
    /** The old key's grace period when none is asked for. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    /** How many characters of a key are shown to recognise it ({@code bk_test_3f9a}). */
    public static final int PREFIX_LENGTH = 12;

    private static final Pattern MERCHANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyStore keys;
    private final AdminAuditStore audit;
    private final Clock clock;

    /** A key just issued: the secret, shown once and never stored, and its record. */
    public record Issued(String key, ApiKeyRecord record) {
        @Override
        public String toString() {
            return "Issued[" + record.id() + "]"; // never the key
        }
    }

    /** A rotation: the new key (secret shown once), its record, and the old key's record with its end. */
    public record Rotated(String key, ApiKeyRecord current, ApiKeyRecord previous) {
        @Override
        public String toString() {
            return "Rotated[" + previous.id() + " -> " + current.id() + "]";
        }
    }

    /** Why a key cannot be rotated: it is revoked, expired, or already rotated out (expiring). */
    public static final class NotRotatable extends RuntimeException {
        private final ApiKeyState state;

        NotRotatable(ApiKeyRecord key, ApiKeyState state) {
            super(
                    state == ApiKeyState.EXPIRING
                            ? "API key " + key.id() + " was already rotated and works until " + key.expiresAt()
                                    + "; rotate the key that replaced it"
                            : "API key " + key.id() + " is " + state.name().toLowerCase(Locale.ROOT)
                                    + "; only a working key can be rotated",
                    null,
                    false,
                    false);
            this.state = state;
        }

        public ApiKeyState state() {
            return state;
        }
    }

    public ApiKeyAdmin(ApiKeyStore keys, AdminAuditStore audit, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The time the rules run on. */
    public Clock clock() {
        return clock;
    }

    /**
     * Issues a key. {@code label} may be null; {@code merchantId} null gives the key a merchant of
     * its own ({@code merchant-} and 12 hex digits of its hash, as seeded keys get).
     */
    public Issued create(Plan plan, String label, PaymentMode mode, String merchantId, String actor) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(mode, "mode");
        List<FieldError> problems = new ArrayList<>();
        checkLabel(label, problems);
        if (merchantId != null && !MERCHANT.matcher(merchantId).matches()) {
            problems.add(new FieldError(
                    "merchantId",
                    "invalid_format",
                    "must be 1 to 64 letters, digits, '.', '_' or '-'," + " starting with a letter or digit"));
        }
        if (!problems.isEmpty()) throw new PaymentException.Invalid(problems);
        String key = generate(mode);
        ApiKeyRecord record = store(key, plan, label, mode, merchantId);
        record(
                actor,
                "key.create",
                record.id(),
                "plan " + plan + ", mode " + mode + ", merchant " + record.merchantId()
                        + (label == null ? "" : ", label '" + label + "'"));
        return new Issued(key, record);
    }

    private ApiKeyRecord store(String key, Plan plan, String label, PaymentMode mode, String merchantId) {
        String hash = hash(key);
        ApiKeyRecord record = new ApiKeyRecord(
                ApiKeyRecord.idFor(hash),
                hash,
                key.substring(0, PREFIX_LENGTH),
                label,
                merchantId != null ? merchantId : "merchant-" + hash.substring(0, 12),
                plan,
                mode,
                clock.instant(),
                null,
                null,
                null);
        keys.save(record);
        return record;
    }

    /** Up to {@code limit} keys, newest first. */
    public List<ApiKeyRecord> list(int limit) {
        return keys.list(limit);
    }

    public Optional<ApiKeyRecord> find(String id) {
        return keys.findById(id);
    }

    /** Revokes the key at once (other nodes within their key cache's life); revoking twice keeps the first time. */
    public Optional<ApiKeyRecord> revoke(String id, String actor) {
        Optional<ApiKeyRecord> before = keys.findById(id);
        if (before.isEmpty()) return Optional.empty();
        Optional<ApiKeyRecord> after = keys.revokeById(id, clock.instant());
        after.ifPresent(r -> record(actor, "key.revoke", id, before.get().active() ? "" : "already revoked"));
        return after;
    }

    /**
     * A new key with the same merchant, plan, mode and label; the old one keeps working until now
     * plus {@code grace} (0 to {@link #MAX_GRACE}), then is refused. Only an active key is rotated
     * ({@link NotRotatable} otherwise): rotating a key already in its grace period again would give
     * it a second successor and could push its end further out, so a key rotated out could be kept
     * alive for good.
     */
    public Optional<Rotated> rotate(String id, Duration grace, String actor) {
        checkGrace(grace);
        Optional<ApiKeyRecord> found = keys.findById(id);
        if (found.isEmpty()) return Optional.empty();
        ApiKeyRecord old = found.get();
        Instant now = clock.instant();
        ApiKeyState state = old.state(now);
        if (state != ApiKeyState.ACTIVE) throw new NotRotatable(old, state);
        String key = generate(old.mode());
        ApiKeyRecord current = store(key, old.plan(), old.label(), old.mode(), old.merchantId());
        ApiKeyRecord previous = keys.expire(id, now.plus(grace)).orElse(old);
        record(
                actor,
                "key.create",
                current.id(),
                "rotated from " + id + ", plan " + current.plan() + ", mode " + current.mode());
        record(actor, "key.rotate", id, "replaced by " + current.id() + ", works until " + previous.expiresAt());
        return Optional.of(new Rotated(key, current, previous));
    }

    /** Moves the key to {@code plan}; other nodes apply it within their key cache's life. */
    public Optional<ApiKeyRecord> changePlan(String id, Plan plan, String actor) {
        Objects.requireNonNull(plan, "plan");
        Optional<ApiKeyRecord> before = keys.findById(id);
        if (before.isEmpty()) return Optional.empty();
        Optional<ApiKeyRecord> after = keys.changePlan(id, plan);
        after.ifPresent(
                r -> record(actor, "key.plan", id, "plan " + before.get().plan() + " -> " + plan));
        return after;
    }

    /** Up to {@code limit} audit entries, newest first. */
    public List<AdminAuditEntry> audit(int limit) {
        return audit.list(limit);
    }

    /** Refuses a grace period outside 0 to {@link #MAX_GRACE}. */
    public static void checkGrace(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new PaymentException.Invalid(
                    "graceSeconds", "out_of_range", "must be 0 to " + MAX_GRACE.toSeconds() + " seconds (30 days)");
        }
    }

    private static void checkLabel(String label, List<FieldError> problems) {
        if (label == null) return;
        if (label.length() > ApiKeyRecord.MAX_LABEL_LENGTH) {
            problems.add(new FieldError(
                    "label", "too_long", "must be at most " + ApiKeyRecord.MAX_LABEL_LENGTH + " characters"));
            return;
        }
        FieldError text = TextRules.check("label", label);
        if (text != null) problems.add(text);
    }

    /** The plan named by {@code text} (FREE, PRO, ENTERPRISE, any case), or a refusal naming {@code field}. */
    public static Plan plan(String text, String field) {
        if (text == null) throw new PaymentException.Invalid(field, "required", "is required: FREE, PRO or ENTERPRISE");
        for (Plan p : Plan.values()) {
            if (p.name().equalsIgnoreCase(text)) return p;
        }
        throw new PaymentException.Invalid(field, "invalid_value", "must be FREE, PRO or ENTERPRISE");
    }

    /** The mode named by {@code text} (test or live, any case); TEST when null. */
    public static PaymentMode mode(String text, String field) {
        if (text == null) return PaymentMode.TEST;
        for (PaymentMode m : PaymentMode.values()) {
            if (m.name().equalsIgnoreCase(text)) return m;
        }
        throw new PaymentException.Invalid(field, "invalid_value", "must be test or live");
    }

    /** A fresh key of {@code mode}: {@code bk_test_} or {@code bk_live_} and 160 random bits in hex. */
    public static String generate(PaymentMode mode) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return ApiKeyRecord.modePrefix(mode) + HexFormat.of().formatHex(bytes);
    }

    /** SHA-256 of the key's UTF-8 bytes, 64 lower-case hex digits: what stores keep. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every request's key is hashed: a copy of one digest skips the provider lookup of {@code getInstance}. */
    private static final MessageDigest SHA_256 = newSha256();

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) { // a provider whose digest cannot be copied
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void record(String actor, String action, String keyId, String detail) {
        audit.append(new AdminAuditEntry(clock.instant(), actor, action, keyId, detail));
    }
}
