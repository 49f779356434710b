package dev.bakongpay.core.payment;

import dev.bakongpay.core.BakongPayException;
import dev.bakongpay.core.bakong.DeepLinkSource;
import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrResult;
import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.core.metrics.TimerSeries;
import dev.bakongpay.core.payment.internal.CheckRules;
import dev.bakongpay.core.payment.internal.CreateRules;
import dev.bakongpay.core.payment.internal.FinalStatusCache;
import dev.bakongpay.core.payment.internal.Fingerprint;
import dev.bakongpay.core.payment.internal.IssuedMd5s;
import dev.bakongpay.core.payment.internal.RandomIds;
import dev.bakongpay.core.payment.internal.Settlement;
import dev.bakongpay.core.payment.internal.TextRules;
import dev.bakongpay.spi.IdempotencyRecord;
import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment rules behind the five endpoints: create a KHQR payment, check one or many md5s,
 * look a transaction up. Framework-free and thread-safe; every status change is a store
 * compare-and-set, and only its winner tells the {@link PaymentEventListener}.
 *
 * <pre>{@code
 * PaymentService payments = PaymentService.builder()
 *         .transactions(storage.transactions()).idempotency(storage.idempotency())
 *         .network(PaymentMode.LIVE, nbc).network(PaymentMode.TEST, simulator)
 *         .listener(event -> orders.markPaid(event.transaction().id()))
 *         .settings(PaymentSettings.from(config)).build();
 * }</pre>
 */
public final class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    /** How many md5s {@link #checkBulk} takes, as NBC's list call does. */
    public static final int BULK_LIMIT = 50;
    /** SUCCESS and FAILED transactions kept for checks: about 2 KiB each, so about 20 MiB at most. */
    public static final int DEFAULT_FINAL_STATUS_CACHE_SIZE = 10_000;
    /**
     * Where the app icon of {@link #bankAppLink}'s request is, under {@code <publicUrl>/pay/}, when
     * none is configured: the checkout servlet serves it.
     */
    public static final String APP_ICON = "app-icon.svg";
    /** Inserts tried when the store reports a duplicate md5 or id (another node, same KHQR, same ms). */
    private static final int STORE_ATTEMPTS = 5;
    /** How far past the request time a KHQR's creation time may be moved to keep md5s unique. */
    static final int MAX_SHIFT_MILLIS = 1_000;

    private final TransactionStore transactions;
    private final IdempotencyStore idempotency;
    private final Map<PaymentMode, PaymentNetwork> networks;
    private final PaymentEventListener listener;
    private final Clock clock;
    private final PaymentSettings settings;
    private final FinalStatusCache finals;
    private final TimerSeries checkTimers;
    private final TimerSeries createTimers;
    private final IssuedMd5s issued;
    private final MeterRegistry meters;
    private final String appName;
    private final URI appIconUrl;

    private PaymentService(Builder b) {
        transactions = Objects.requireNonNull(b.transactions, "transactions");
        idempotency = Objects.requireNonNull(b.idempotency, "idempotency");
        networks = Map.copyOf(b.networks);
        listener = b.listener;
        clock = b.clock;
        settings = b.settings;
        meters = b.meters;
        createTimers = new TimerSeries(
                meters, () -> Meters.latency("bakongpay.payments.create", "Payment creations, by outcome"), "outcome");
        checkTimers = new TimerSeries(
                meters,
                () -> Meters.latency(
                        "bakongpay.payments.check", "Payment status checks, by kind, outcome and status answered"),
                "kind",
                "outcome",
                "status");
        appName = b.appName;
        appIconUrl = b.appIconUrl;
        finals = new FinalStatusCache(b.finalStatusCacheSize, meters);
        issued = new IssuedMd5s(clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PaymentSettings settings() {
        return settings;
    }

    /**
     * Creates a dynamic KHQR for the request and stores it PENDING. With an {@code idempotencyKey},
     * the same key and request answer the first payment again; the same key with another request
     * is refused.
     *
     * @throws PaymentException.Invalid every field problem at once
     * @throws PaymentException.IdempotencyKeyReused the key came with another request
     * @throws PaymentException.IdempotencyInProgress the first request with the key is still running
     */
    public CreatedPayment create(Merchant merchant, CreatePaymentRequest request, String idempotencyKey) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            CreatedPayment created = createTimed(merchant, request, idempotencyKey);
            outcome = created.replayed() ? "replayed" : "created";
            return created;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            sample.stop(createTimers.timer(outcome));
        }
    }

    private CreatedPayment createTimed(Merchant merchant, CreatePaymentRequest request, String idempotencyKey) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(request, "request");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return created(insertNew(merchant, CreateRules.validate(request, settings)), false);
        }
        String key = idempotencyKey.strip();
        if (key.length() > 255)
            throw new PaymentException.Invalid("Idempotency-Key", "too_long", "must be at most 255 characters");
        FieldError badKey = TextRules.check("Idempotency-Key", key);
        if (badKey != null) throw new PaymentException.Invalid(List.of(badKey));
        String fingerprint = Fingerprint.of(merchant.mode() + "|" + request);
        // a reused key is the louder mistake: report it even when the new body is also invalid
        if (idempotency
                .find(merchant.id(), key)
                .filter(r -> !r.requestFingerprint().equals(fingerprint))
                .isPresent()) {
            throw new PaymentException.IdempotencyKeyReused(key);
        }
        CreateRules.ValidCreate valid = CreateRules.validate(request, settings);
        Optional<IdempotencyRecord> earlier = idempotency.putIfAbsent(
                IdempotencyRecord.reservation(merchant.id(), key, fingerprint, clock.instant()));
        if (earlier.isPresent()) {
            IdempotencyRecord r = earlier.get();
            if (!r.requestFingerprint().equals(fingerprint)) throw new PaymentException.IdempotencyKeyReused(key);
            if (!r.completed()) throw new PaymentException.IdempotencyInProgress(key);
            Transaction first = transactions
                    .findById(merchant.id(), UUID.fromString(r.responseBody()))
                    .orElseThrow(() -> new PaymentException.NotFound(
                            "the payment created with Idempotency-Key '" + key + "' no longer exists"));
            return created(first, true);
        }
        try {
            Transaction t = insertNew(merchant, valid);
            idempotency.complete(merchant.id(), key, 200, t.id().toString());
            return created(t, false);
        } catch (RuntimeException e) {
            idempotency.delete(merchant.id(), key); // let a retry run
            throw e;
        }
    }

    /**
     * The status of the merchant's KHQR with this md5, asking the network only while it is PENDING.
     * A SUCCESS or FAILED one is answered from memory once seen (it never changes again).
     *
     * @throws PaymentException.NotFound the merchant created no KHQR with this md5
     */
    public PaymentCheck checkMd5(Merchant merchant, String md5) {
        return timedCheck(
                "single",
                () -> checkMd5Untimed(merchant, md5),
                c -> Meters.tag(c.transaction() == null ? null : c.transaction().status()));
    }

    private PaymentCheck checkMd5Untimed(Merchant merchant, String md5) {
        String m = CheckRules.md5(md5, "md5");
        Transaction known = finals.get(merchant.id(), m);
        if (known != null) return new PaymentCheck(m, known);
        Transaction t = finals.offer(transactions
                .findByMd5(merchant.id(), m)
                .orElseThrow(() -> new PaymentException.NotFound(
                        "No transaction with md5 " + m + " was created by this merchant")));
        if (t.status() != PaymentStatus.PENDING) return new PaymentCheck(m, t);
        NetworkAnswer answer = network(t.mode()).check(m); // the network shares concurrent checks of one md5
        if (answer.outcome() == NetworkAnswer.Outcome.UNUSABLE) throw unusable(answer);
        return new PaymentCheck(m, finals.offer(settle(t, answer)));
    }

    /** Bakong answered about this payment with something that is not a sane payment: 502, and it stays PENDING. */
    private static PaymentException.NetworkUnavailable unusable(NetworkAnswer answer) {
        return new PaymentException.NetworkUnavailable(
                "Bakong's answer about this payment is not a usable payment (" + answer.message()
                        + "); it stays PENDING and is asked about again on the next check",
                null);
    }

    /**
     * Up to {@link #BULK_LIMIT} md5s; final statuses from the store, pending ones in one network
     * call per mode. Pro and Enterprise plans only. Unknown md5s answer {@link PaymentCheck#NOT_FOUND}.
     *
     * <p>Each md5 is answered on its own: one whose network answer is not a usable payment, or
     * whose mode's network fails, is answered as stored (PENDING) with
     * {@link PaymentCheck#upstreamError()} set, and the others are answered as usual. Only when
     * no md5 at all could be answered without the failing network does the call throw.
     *
     * @throws PaymentException.NetworkUnavailable every md5 asked about needed a network that failed
     */
    public Map<String, PaymentCheck> checkBulk(Merchant merchant, List<String> md5s) {
        return timedCheck("bulk", () -> checkBulkUntimed(merchant, md5s), r -> "none");
    }

    /** Times a check: {@code kind} single or bulk, the outcome, and the status answered (single checks). */
    private <T> T timedCheck(String kind, Supplier<T> check, java.util.function.Function<T, String> status) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        String answered = "none";
        try {
            T result = check.get();
            outcome = "answered";
            answered = status.apply(result);
            return result;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            sample.stop(checkTimers.timer(kind, outcome, answered));
        }
    }

    /** A failure's outcome tag: the caller's mistake, the network's failure, or ours. */
    private static String outcome(RuntimeException e) {
        if (e instanceof PaymentException.NetworkUnavailable) return "upstream_error";
        if (e instanceof PaymentException || e instanceof RateLimitExceededException) return "rejected";
        return "error";
    }

    private Map<String, PaymentCheck> checkBulkUntimed(Merchant merchant, List<String> md5s) {
        if (merchant.plan() == Plan.FREE) {
            throw new PaymentException.PlanUpgradeRequired(
                    "Bulk checks need the Pro or Enterprise plan; this key is on Free");
        }
        List<String> wanted = CheckRules.md5List(md5s, BULK_LIMIT);
        Map<String, PaymentCheck> results = new LinkedHashMap<>();
        Map<PaymentMode, List<Transaction>> pending = new EnumMap<>(PaymentMode.class);
        for (String m : wanted) {
            Transaction known = finals.get(merchant.id(), m);
            Optional<Transaction> t = known != null ? Optional.of(known) : transactions.findByMd5(merchant.id(), m);
            t.ifPresent(finals::offer);
            results.put(m, new PaymentCheck(m, t.orElse(null)));
            if (t.isPresent() && t.get().status() == PaymentStatus.PENDING) {
                pending.computeIfAbsent(t.get().mode(), k -> new ArrayList<>()).add(t.get());
            }
        }
        PaymentException.NetworkUnavailable failure = null;
        int unanswered = 0;
        for (Map.Entry<PaymentMode, List<Transaction>> e : pending.entrySet()) {
            List<Transaction> list = e.getValue();
            Map<String, NetworkAnswer> answers;
            try {
                answers = network(e.getKey())
                        .checkAll(list.stream().map(Transaction::md5).distinct().toList());
            } catch (PaymentException.NetworkUnavailable ex) { // this mode's md5s are answered as stored
                if (failure == null) failure = ex;
                for (Transaction t : list) results.put(t.md5(), new PaymentCheck(t.md5(), t, ex.code()));
                unanswered += list.size();
                continue;
            }
            for (Transaction t : list) {
                NetworkAnswer a = answers.getOrDefault(t.md5(), NetworkAnswer.notFound());
                if (a.outcome() == NetworkAnswer.Outcome.UNUSABLE) {
                    LOG.warn(
                            "bulk check: Bakong's answer about md5 {} is not a usable payment ({}); answered as stored",
                            t.md5(),
                            a.message());
                    results.put(t.md5(), new PaymentCheck(t.md5(), t, "upstream_unavailable"));
                } else {
                    results.put(t.md5(), new PaymentCheck(t.md5(), finals.offer(settle(t, a))));
                }
            }
        }
        if (failure != null && unanswered == results.size()) throw failure; // nothing to answer without it
        if (failure != null) {
            LOG.warn(
                    "bulk check: {} of {} md5s answered as stored, Bakong failing: {}",
                    unanswered,
                    results.size(),
                    failure.getMessage());
        }
        return results;
    }

    /**
     * The merchant's stored transaction by id, md5 or Bakong payment hash ({@code type} null means
     * by id). Answers what is stored; it does not call the network.
     *
     * @throws PaymentException.NotFound absent, or another merchant's
     */
    public Transaction lookup(Merchant merchant, String query, LookupType type) {
        if (query == null || query.isBlank()) throw new PaymentException.Invalid("query", "required", "is required");
        String q = query.strip();
        LookupType by = type == null ? LookupType.TRANSACTION_ID : type;
        Optional<Transaction> found = switch (by) {
            case TRANSACTION_ID -> {
                UUID id;
                try {
                    id = UUID.fromString(q);
                } catch (IllegalArgumentException e) {
                    throw new PaymentException.Invalid(
                            "query", "invalid_format", "must be a transaction id (UUID) for type transactionId");
                }
                yield transactions.findById(merchant.id(), id);
            }
            case MD5 -> transactions.findByMd5(merchant.id(), CheckRules.md5(q, "query"));
            case HASH -> {
                yield transactions.findByPaymentHash(merchant.id(), CheckRules.hash(q, "query"));
            }
        };
        return found.orElseThrow(() -> new PaymentException.NotFound(
                "No transaction with " + by.wireName() + " " + q + " was found for this merchant"));
    }

    /**
     * Asks the network about PENDING and EXPIRED transactions, one list call per mode and no
     * cache, and applies the answers, so a late payment of an expired one still turns SUCCESS.
     * A transaction whose answer is not a usable payment is left as it is (logged) and the others
     * are applied: one bad payment neither blocks the batch nor counts as the network failing.
     * For reconciliation ({@link PaymentReconciler}); endpoints use {@link #checkMd5}, which never
     * asks again about a final status.
     *
     * @return each transaction after its answer, in the order given
     * @throws PaymentException.NetworkUnavailable a mode's network could not answer; the answers
     *         of the other modes have been applied first
     */
    public List<Transaction> reconcile(List<Transaction> batch) {
        Map<PaymentMode, Map<String, NetworkAnswer>> answers = new EnumMap<>(PaymentMode.class);
        PaymentException.NetworkUnavailable failure = null;
        Map<PaymentMode, List<Transaction>> byMode = new EnumMap<>(PaymentMode.class);
        batch.stream()
                .filter(t -> t.status() == PaymentStatus.PENDING || t.status() == PaymentStatus.EXPIRED)
                .forEach(t ->
                        byMode.computeIfAbsent(t.mode(), k -> new ArrayList<>()).add(t));
        for (Map.Entry<PaymentMode, List<Transaction>> e : byMode.entrySet()) {
            try { // one mode's outage (a live token missing) must not hold back the other's answers
                answers.put(
                        e.getKey(),
                        network(e.getKey())
                                .checkAll(e.getValue().stream()
                                        .map(Transaction::md5)
                                        .toList()));
            } catch (PaymentException.NetworkUnavailable ex) {
                if (failure == null) failure = ex;
            }
        }
        List<Transaction> out = new ArrayList<>();
        for (Transaction t : batch) {
            NetworkAnswer a = answers.getOrDefault(t.mode(), Map.of()).get(t.md5());
            if (a != null
                    && a.outcome() == NetworkAnswer.Outcome.UNUSABLE) { // one bad payment: skipped, the rest go on
                LOG.warn(
                        "reconciliation: Bakong's answer about transaction {} (md5 {}) is not a usable payment ({}); "
                                + "left {} and asked about again later",
                        t.id(),
                        t.md5(),
                        a.message(),
                        t.status());
                out.add(t);
                continue;
            }
            out.add(a == null ? t : settle(t, a));
        }
        if (failure != null) throw failure; // after applying what did come back
        return out;
    }

    /** The hosted checkout page of a transaction. */
    public URI checkoutUrl(Transaction t) {
        return URI.create(settings.publicUrl() + "/pay/" + t.id());
    }

    /**
     * The create answer's {@code deepLink}: {@code <publicUrl>/pay/<transactionId>/app}, which the
     * checkout servlet answers with a redirect to {@link #bankAppLink(Transaction)}, so that creating
     * a payment never waits on NBC's link service.
     */
    public URI appUrl(Transaction t) {
        return URI.create(checkoutUrl(t) + "/app");
    }

    /**
     * The short link that opens a bank app on {@code t}'s KHQR: the one stored with the transaction,
     * else one asked from its network ({@code generate_deeplink_by_qr} of NBC for live payments, of
     * the simulator for test ones) and stored, so later uses need no call. The request names the
     * configured app (name, icon) and, as the link back after paying, the checkout page, which shows
     * the payment and then offers the shop's {@code returnUrl}.
     *
     * @return empty when the network declines or cannot answer (logged, counted): the shopper then
     *         scans or saves the QR instead
     */
    public Optional<String> bankAppLink(Transaction t) {
        Optional<String> stored = storedBankAppLink(t);
        if (stored.isPresent()) return countAppLink("stored", stored);
        Optional<String> link;
        try {
            link = network(t.mode()).bankAppLink(t.qrString(), appSource(t)).filter(PaymentService::webLink);
        } catch (PaymentException e) {
            LOG.warn("No bank-app link for transaction {}: {}", t.id(), e.getMessage());
            return countAppLink("unavailable", Optional.empty());
        }
        if (link.isEmpty()) return countAppLink("declined", link);
        try {
            return countAppLink(
                    "created", transactions.saveBankAppLink(t.id(), link.get()).or(() -> link));
        } catch (UnsupportedOperationException e) { // this store keeps none: ask again next time
            return countAppLink("created", link);
        }
    }

    private Optional<String> storedBankAppLink(Transaction t) {
        try {
            return transactions.findBankAppLink(t.id());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private Optional<String> countAppLink(String outcome, Optional<String> link) {
        meters.counter("bakongpay.payments.app.links", "outcome", outcome).increment();
        return link;
    }

    /** The {@code sourceInfo} NBC asks for: the configured app, else the shop; back to the checkout page. */
    private DeepLinkSource appSource(Transaction t) {
        String name = appName != null ? appName : t.merchantName();
        URI icon = appIconUrl != null ? appIconUrl : URI.create(settings.publicUrl() + "/pay/" + APP_ICON);
        return new DeepLinkSource(icon.toString(), name, checkoutUrl(t).toString());
    }

    /** Only a web link is followed: the checkout redirects the shopper's browser to it. */
    private static boolean webLink(String link) {
        String lower = link.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /**
     * The KHQR in a {@code bakong:} URI. No bank app is known to open this scheme; the create answer's
     * {@code deepLink} is {@link #appUrl} instead.
     */
    public static String deepLink(String qr) {
        return "bakong://pay?qr=" + URLEncoder.encode(qr, StandardCharsets.UTF_8);
    }

    private Transaction settle(Transaction t, NetworkAnswer answer) {
        Optional<StatusTransition> change = Settlement.decide(t, answer, clock.instant());
        if (change.isEmpty()) return t;
        Optional<Transaction> won = transactions.transition(change.get());
        if (won.isEmpty()) { // someone else moved it first: theirs is the answer, and theirs the event
            return transactions.findAnyById(t.id()).orElse(t);
        }
        meters.counter(
                        "bakongpay.payments.status.changes",
                        "from",
                        Meters.tag(change.get().from()),
                        "to",
                        Meters.tag(change.get().to()))
                .increment();
        try {
            listener.onStatusChange(PaymentEvent.of(won.get(), change.get()));
        } catch (RuntimeException e) { // the payment happened either way
            LOG.error(
                    "payment event listener failed for transaction {} ({} -> {})",
                    t.id(),
                    change.get().from(),
                    change.get().to(),
                    e);
        }
        return won.get();
    }

    private Transaction insertNew(Merchant merchant, CreateRules.ValidCreate v) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(v.expiresIn());
        for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
            // First attempt: the earliest creation time this node has not used for this payload.
            // After a store conflict (another node made the same KHQR in the same ms): a random
            // offset, so that two nodes do not walk the same sequence.
            int from = attempt == 0
                    ? 0
                    : 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(MAX_SHIFT_MILLIS - 1);
            KhqrResult qr = uniqueQr(v, now, expiresAt, from);
            Transaction t = Transaction.builder()
                    .id(RandomIds.timeOrdered(now.toEpochMilli()))
                    .merchantId(merchant.id())
                    .mode(merchant.mode())
                    .md5(qr.md5())
                    .qrString(qr.qr())
                    .amount(v.amount())
                    .currency(v.currency().name())
                    .bakongId(v.bakongId())
                    .merchantName(v.merchantName())
                    .description(v.description())
                    .createdAt(now)
                    .expiresAt(expiresAt)
                    .attributes(v.attributes())
                    .build();
            InsertOutcome outcome = transactions.insert(t);
            if (outcome == InsertOutcome.INSERTED) return t;
            LOG.debug("insert of a new transaction returned {}; retrying with a fresh id and md5", outcome);
        }
        throw new BakongPayException(
                "could not store a transaction with a unique id and md5 after " + STORE_ATTEMPTS + " attempts");
    }

    /**
     * The KHQR of {@code v} created at {@code now + shift} for the smallest shift from
     * {@code from} whose md5 this node has not issued: a KHQR's md5 covers its creation time in
     * ms, so identical requests in the same ms differ by a ms or two of creation time. Bounded by
     * {@value #MAX_SHIFT_MILLIS} ms (and by the expiry); past that the store decides.
     */
    private KhqrResult uniqueQr(CreateRules.ValidCreate v, Instant now, Instant expiresAt, int from) {
        long nowMillis = now.toEpochMilli();
        long limit = Math.min(MAX_SHIFT_MILLIS, expiresAt.toEpochMilli() - nowMillis - 1);
        KhqrResult qr = null;
        for (long shift = Math.min(from, Math.max(0, limit)); qr == null || shift <= limit; shift++) {
            qr = Khqr.encode(v.payload(now.plusMillis(shift), expiresAt), clock);
            if (issued.reserve(qr.md5())) return qr;
        }
        return qr;
    }

    private CreatedPayment created(Transaction t, boolean replayed) {
        return new CreatedPayment(t, appUrl(t).toString(), checkoutUrl(t), replayed);
    }

    private PaymentNetwork network(PaymentMode mode) {
        PaymentNetwork n = networks.get(mode);
        if (n == null) {
            throw new PaymentException.NetworkUnavailable(
                    "No payment network is configured for " + mode + " mode", null);
        }
        return n;
    }

    /** Wires a {@link PaymentService}; stores are required, the rest has defaults. */
    public static final class Builder {
        private TransactionStore transactions;
        private IdempotencyStore idempotency;
        private final Map<PaymentMode, PaymentNetwork> networks = new EnumMap<>(PaymentMode.class);
        private PaymentEventListener listener = PaymentEventListener.noop();
        private Clock clock = Clock.systemUTC();
        private PaymentSettings settings = PaymentSettings.defaults();
        private int finalStatusCacheSize = DEFAULT_FINAL_STATUS_CACHE_SIZE;
        private MeterRegistry meters = Meters.none();
        private String appName;
        private URI appIconUrl;

        private Builder() {}

        /**
         * Where create and check latencies, status changes and the final-status cache's hits are
         * recorded (names in the server README's metrics table); default: nowhere.
         */
        public Builder meterRegistry(MeterRegistry v) {
            meters = Objects.requireNonNull(v);
            return this;
        }

        /**
         * How many SUCCESS and FAILED transactions checks keep in memory, so that polling a
         * finished payment does not read the store (default {@value #DEFAULT_FINAL_STATUS_CACHE_SIZE};
         * zero reads the store every time). Safe with several nodes: those statuses never change.
         */
        public Builder finalStatusCacheSize(int v) {
            if (v < 0) throw new IllegalArgumentException("finalStatusCacheSize must not be negative");
            finalStatusCacheSize = v;
            return this;
        }

        public Builder transactions(TransactionStore v) {
            transactions = v;
            return this;
        }

        public Builder idempotency(IdempotencyStore v) {
            idempotency = v;
            return this;
        }
        /** The network for one mode: LIVE → NBC, TEST → the simulator. */
        public Builder network(PaymentMode mode, PaymentNetwork n) {
            networks.put(mode, Objects.requireNonNull(n));
            return this;
        }

        public Builder listener(PaymentEventListener v) {
            listener = Objects.requireNonNull(v);
            return this;
        }

        /**
         * The app a bank app names when it opens a {@link #bankAppLink} ({@code sourceInfo} of NBC's
         * {@code generate_deeplink_by_qr}): its name (null: the transaction's merchant name) and the
         * https address of its icon (null: {@code <publicUrl>/pay/}{@value #APP_ICON}, served by the
         * checkout servlet).
         */
        public Builder bankAppSource(String name, URI iconUrl) {
            if (name != null && name.isBlank()) throw new IllegalArgumentException("the app name must not be blank");
            appName = name;
            appIconUrl = iconUrl;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        public Builder settings(PaymentSettings v) {
            settings = Objects.requireNonNull(v);
            return this;
        }

        public PaymentService build() {
            return new PaymentService(this);
        }
    }
}
