package dev.bakongpay.simulator.internal;

import dev.bakongpay.simulator.SimulatedPayment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * NBC's side of the world: the payments it settled, the KHQRs it has seen (a payment by md5
 * alone needs the QR behind it), and the Bakong accounts that exist. Thread-safe; one md5 is
 * settled at most once, which is what makes "nothing paid twice" hold under concurrency.
 */
public final class Ledger {

    private final Map<String, SimulatedPayment> byMd5 = new ConcurrentHashMap<>();
    private final Map<String, SimulatedPayment> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> qrsByMd5 = new ConcurrentHashMap<>();
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    private volatile Runnable onChange = () -> {};

    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Records the payment unless its md5 already has one; returns the one that stands. */
    public SimulatedPayment settle(SimulatedPayment payment) {
        SimulatedPayment earlier = byMd5.putIfAbsent(payment.md5(), payment);
        if (earlier != null) {
            return earlier;
        }
        byHash.put(payment.hash(), payment);
        onChange.run();
        return payment;
    }

    public void rememberQr(String md5, String qr) {
        if (qrsByMd5.put(md5, qr) == null) {
            onChange.run();
        }
    }

    public Optional<String> qr(String md5) {
        return Optional.ofNullable(qrsByMd5.get(md5));
    }

    public Optional<SimulatedPayment> byMd5(String md5) {
        return Optional.ofNullable(byMd5.get(md5));
    }

    public Optional<SimulatedPayment> byHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    public Optional<SimulatedPayment> first(Predicate<SimulatedPayment> match) {
        return byMd5.values().stream().filter(match).min(ORDER);
    }

    public List<SimulatedPayment> payments() {
        List<SimulatedPayment> all = new ArrayList<>(byMd5.values());
        all.sort(ORDER);
        return all;
    }

    public Map<String, String> qrs() {
        return Map.copyOf(qrsByMd5);
    }

    public void registerAccount(String accountId) {
        if (accounts.add(accountId)) {
            onChange.run();
        }
    }

    public boolean accountExists(String accountId) {
        return accounts.contains(accountId);
    }

    public List<String> accounts() {
        return accounts.stream().sorted().toList();
    }

    public void clearPayments() {
        byMd5.clear();
        byHash.clear();
        onChange.run();
    }

    public void clearAll() {
        byMd5.clear();
        byHash.clear();
        qrsByMd5.clear();
        accounts.clear();
        onChange.run();
    }

    /** Loads a saved state without announcing it: it is already on disk. */
    public void restore(List<SimulatedPayment> payments, Map<String, String> qrs, List<String> accountIds) {
        payments.forEach(p -> {
            byMd5.put(p.md5(), p);
            byHash.put(p.hash(), p);
        });
        qrsByMd5.putAll(qrs);
        accounts.addAll(accountIds);
    }

    private static final Comparator<SimulatedPayment> ORDER =
            Comparator.comparingLong(SimulatedPayment::createdDateMs).thenComparing(SimulatedPayment::hash);
}
