package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryQuery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link WebhookDeliveryStore} in a map, for one node: it keeps nothing across restarts, so it
 * is an outbox only for the life of the process. Thread-safe; every change holds one lock.
 */
public final class MemoryWebhookDeliveryStore implements WebhookDeliveryStore {
    private final Clock clock;
    private final Map<String, WebhookDelivery> byEventId = new LinkedHashMap<>();

    public MemoryWebhookDeliveryStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean record(WebhookEvent event) {
        if (byEventId.containsKey(event.eventId())) return false;
        byEventId.put(
                event.eventId(),
                new WebhookDelivery(event, WebhookDeliveryState.PENDING, 0, clock.instant(), null, null, null, null));
        return true;
    }

    @Override
    public synchronized List<WebhookDelivery> claimDue(String owner, int limit, Duration lease) {
        WebhookDeliveryStore.checkClaim(owner, limit, lease);
        Instant now = clock.instant();
        List<WebhookDelivery> due = new ArrayList<>();
        for (WebhookDelivery d : byEventId.values()) {
            if (d.state() == WebhookDeliveryState.PENDING
                    && !d.nextAttemptAt().isAfter(now)
                    && (d.leaseUntil() == null || !d.leaseUntil().isAfter(now))) {
                due.add(d);
            }
        }
        due.sort(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                .thenComparing(d -> d.event().createdAt()));
        List<WebhookDelivery> claimed = new ArrayList<>();
        for (WebhookDelivery d : due.subList(0, Math.min(limit, due.size()))) {
            WebhookDelivery leased = new WebhookDelivery(
                    d.event(),
                    d.state(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.lastAttemptAt(),
                    d.lastError(),
                    owner,
                    now.plus(lease));
            byEventId.put(d.eventId(), leased);
            claimed.add(leased);
        }
        return claimed;
    }

    @Override
    public synchronized boolean markDelivered(String eventId) {
        WebhookDelivery d = byEventId.get(eventId);
        if (d == null || d.state() != WebhookDeliveryState.PENDING) return false;
        Instant now = clock.instant();
        byEventId.put(
                eventId,
                new WebhookDelivery(
                        d.event(),
                        WebhookDeliveryState.DELIVERED,
                        d.attempts() + 1,
                        now,
                        now,
                        d.lastError(),
                        null,
                        null));
        return true;
    }

    @Override
    public synchronized boolean retryLater(String eventId, String owner, Instant nextAttemptAt, String error) {
        WebhookDelivery d = leasedTo(eventId, owner);
        if (d == null) return false;
        byEventId.put(
                eventId,
                new WebhookDelivery(
                        d.event(),
                        WebhookDeliveryState.PENDING,
                        d.attempts() + 1,
                        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt"),
                        clock.instant(),
                        error,
                        null,
                        null));
        return true;
    }

    @Override
    public synchronized boolean giveUp(String eventId, String owner, String error) {
        WebhookDelivery d = leasedTo(eventId, owner);
        if (d == null) return false;
        Instant now = clock.instant();
        byEventId.put(
                eventId,
                new WebhookDelivery(
                        d.event(), WebhookDeliveryState.DEAD, d.attempts() + 1, now, now, error, null, null));
        return true;
    }

    private WebhookDelivery leasedTo(String eventId, String owner) {
        WebhookDelivery d = byEventId.get(eventId);
        return d != null && d.state() == WebhookDeliveryState.PENDING && owner.equals(d.leaseOwner()) ? d : null;
    }

    @Override
    public synchronized long count(WebhookDeliveryState state) {
        Objects.requireNonNull(state, "state");
        return byEventId.values().stream().filter(d -> d.state() == state).count();
    }

    @Override
    public synchronized List<WebhookDelivery> findDead(int limit) {
        WebhookDeliveryStore.checkLimit(limit);
        return byEventId.values().stream()
                .filter(d -> d.state() == WebhookDeliveryState.DEAD)
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean redeliver(String eventId) {
        WebhookDelivery d = byEventId.get(eventId);
        if (d == null || d.state() != WebhookDeliveryState.DEAD) return false;
        byEventId.put(
                eventId,
                new WebhookDelivery(
                        d.event(),
                        WebhookDeliveryState.PENDING,
                        0,
                        clock.instant(),
                        d.lastAttemptAt(),
                        d.lastError(),
                        null,
                        null));
        return true;
    }

    @Override
    public synchronized List<WebhookDelivery> list(WebhookDeliveryQuery query) {
        Objects.requireNonNull(query, "query");
        return byEventId.values().stream()
                .filter(query::matches)
                .sorted(Comparator.<WebhookDelivery, Instant>comparing(
                                d -> d.event().createdAt())
                        .thenComparing(WebhookDelivery::eventId)
                        .reversed())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized boolean retryNow(String eventId) {
        WebhookDelivery d = byEventId.get(eventId);
        Instant now = clock.instant();
        if (d == null
                || d.state() != WebhookDeliveryState.PENDING
                || d.attempts() == 0
                || (d.leaseUntil() != null && d.leaseUntil().isAfter(now))) {
            return false;
        }
        byEventId.put(
                eventId,
                new WebhookDelivery(
                        d.event(), d.state(), d.attempts(), now, d.lastAttemptAt(), d.lastError(), null, null));
        return true;
    }

    @Override
    public synchronized Optional<WebhookDelivery> find(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    @Override
    public synchronized List<WebhookDelivery> findByTransaction(UUID transactionId) {
        return byEventId.values().stream()
                .filter(d -> d.event().transactionId().equals(transactionId))
                .sorted(Comparator.comparing(d -> d.event().createdAt()))
                .toList();
    }
}
