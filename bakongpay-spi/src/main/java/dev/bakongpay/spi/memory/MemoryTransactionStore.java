package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.StatusCount;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionSearch;
import dev.bakongpay.spi.TransactionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TransactionStore} in a map, for one node. Thread-safe; transitions are atomic per transaction. */
public final class MemoryTransactionStore implements TransactionStore {
    private final Clock clock;
    private final Map<UUID, Transaction> byId = new ConcurrentHashMap<>();
    private final Map<String, UUID> byMd5 = new ConcurrentHashMap<>();
    private final Map<UUID, Lease> leases = new ConcurrentHashMap<>();
    private final Map<UUID, String> bankAppLinks = new ConcurrentHashMap<>();
    private final Object insertLock = new Object();
    private final Object claimLock = new Object();

    private record Lease(String owner, Instant until) {}

    public MemoryTransactionStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public InsertOutcome insert(Transaction t) {
        synchronized (insertLock) { // id and md5 must be claimed together
            if (byId.containsKey(t.id())) return InsertOutcome.DUPLICATE_ID;
            if (byMd5.containsKey(t.md5())) return InsertOutcome.DUPLICATE_MD5;
            byId.put(t.id(), t);
            byMd5.put(t.md5(), t.id());
            return InsertOutcome.INSERTED;
        }
    }

    @Override
    public Optional<Transaction> findById(String merchantId, UUID id) {
        return findAnyById(id).filter(t -> t.merchantId().equals(merchantId));
    }

    @Override
    public Optional<Transaction> findAnyById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<String> findBankAppLink(UUID id) {
        return Optional.ofNullable(bankAppLinks.get(id));
    }

    @Override
    public Optional<String> saveBankAppLink(UUID id, String link) {
        TransactionStore.checkBankAppLink(id, link);
        if (!byId.containsKey(id)) return Optional.empty();
        return Optional.of(bankAppLinks.merge(id, link, (first, later) -> first));
    }

    @Override
    public Optional<Transaction> findByMd5(String merchantId, String md5) {
        return findAnyByMd5(md5).filter(t -> t.merchantId().equals(merchantId));
    }

    @Override
    public Optional<Transaction> findAnyByMd5(String md5) {
        UUID id = byMd5.get(md5);
        return id == null ? Optional.empty() : findAnyById(id);
    }

    @Override
    public Optional<Transaction> findByPaymentHash(String merchantId, String hash) {
        return byId.values().stream()
                .filter(t -> t.merchantId().equals(merchantId)
                        && t.payment() != null
                        && t.payment().hash().equals(hash))
                .max(Comparator.comparing(Transaction::createdAt));
    }

    @Override
    public Optional<Transaction> transition(StatusTransition st) {
        Transaction[] won = new Transaction[1];
        byId.computeIfPresent(st.transactionId(), (id, current) -> {
            if (current.status() != st.from()) return current;
            won[0] = current.apply(st);
            return won[0];
        });
        return Optional.ofNullable(won[0]);
    }

    @Override
    public List<Transaction> claimForReconciliation(ReconciliationClaim claim) {
        Instant now = clock.instant();
        Instant expiredSince = now.minus(claim.expiredLookback());
        synchronized (claimLock) {
            List<Transaction> candidates = new ArrayList<>();
            for (Transaction t : byId.values()) {
                boolean wanted = t.status() == PaymentStatus.PENDING
                        || (t.status() == PaymentStatus.EXPIRED
                                && !t.expiresAt().isBefore(expiredSince));
                Lease l = leases.get(t.id());
                if (wanted && (l == null || !l.until().isAfter(now))) candidates.add(t);
            }
            candidates.sort(Comparator.<Transaction, Instant>comparing(
                            t -> leases.containsKey(t.id()) ? leases.get(t.id()).until() : Instant.MIN)
                    .thenComparing(Transaction::createdAt));
            List<Transaction> batch = candidates.subList(0, Math.min(claim.limit(), candidates.size()));
            Lease lease = new Lease(claim.owner(), now.plus(claim.lease()));
            batch.forEach(t -> leases.put(t.id(), lease));
            leases.keySet()
                    .removeIf(id -> byId.get(id).status().isFinal()
                            && leases.get(id).until().isBefore(expiredSince));
            return List.copyOf(batch);
        }
    }

    @Override
    public dev.bakongpay.spi.ReconciliationBacklog reconciliationBacklog(Instant now) {
        long due = 0;
        Instant oldest = null;
        for (Transaction t : byId.values()) {
            if (t.status() != PaymentStatus.PENDING) continue;
            Lease l = leases.get(t.id());
            if (l != null && l.until().isAfter(now)) continue;
            Instant since = l == null ? t.createdAt() : l.until();
            due++;
            if (oldest == null || since.isBefore(oldest)) oldest = since;
        }
        return new dev.bakongpay.spi.ReconciliationBacklog(due, oldest);
    }

    @Override
    public List<Transaction> findFinalChangedBetween(Instant from, Instant to, int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        return byId.values().stream()
                .filter(t -> t.status().isFinal()
                        && !t.updatedAt().isBefore(from)
                        && t.updatedAt().isBefore(to))
                .sorted(Comparator.comparing(Transaction::updatedAt).thenComparing(Transaction::id))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Transaction> search(TransactionSearch search) {
        Objects.requireNonNull(search, "search");
        if (search.id() != null)
            return findAnyById(search.id()).filter(search::matches).stream().toList();
        if (search.md5() != null)
            return findAnyByMd5(search.md5()).filter(search::matches).stream().toList();
        return byId.values().stream()
                .filter(search::matches)
                .sorted(TransactionSearch.NEWEST_FIRST)
                .limit(search.limit())
                .toList();
    }

    @Override
    public List<StatusCount> countPerMinute(Instant from, Instant to) {
        Instant start = TransactionStore.checkCountWindow(from, to);
        Map<Instant, long[]> perMinute = new TreeMap<>();
        for (Transaction t : byId.values()) {
            if (t.createdAt().isBefore(start) || !t.createdAt().isBefore(to)) continue;
            perMinute
                    .computeIfAbsent(
                            t.createdAt().truncatedTo(ChronoUnit.MINUTES),
                            m -> new long[PaymentStatus.values().length])[
                    t.status().ordinal()]++;
        }
        List<StatusCount> out = new ArrayList<>();
        perMinute.forEach((minute, counts) -> {
            for (PaymentStatus s : PaymentStatus.values()) {
                if (counts[s.ordinal()] > 0) out.add(new StatusCount(minute, s, counts[s.ordinal()]));
            }
        });
        return out;
    }

    /** How many transactions are held (for tests and diagnostics). */
    public int size() {
        return byId.size();
    }
}
