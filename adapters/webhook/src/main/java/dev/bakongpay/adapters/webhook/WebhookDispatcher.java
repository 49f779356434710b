package dev.bakongpay.adapters.webhook;

import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.core.metrics.SampledValue;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook outbox in the background: claims due deliveries (leased, so two nodes never
 * send one event at once), POSTs each signed body to the shop's URL, and records the outcome. A 2xx
 * answer is delivered; anything else, or no answer within the timeout, is retried with exponential
 * backoff and jitter, until the last allowed attempt fails and the delivery is given up (DEAD).
 *
 * <p>It also sweeps: with a {@link TransactionStore}, it periodically lists recent final
 * transactions and records any status change whose event is missing, which closes the window where
 * a node won a transition and died before its listener recorded the event.
 *
 * <p>The guarantee is at-least-once with a stable event id ({@code BakongPay-Event-Id}): a send
 * whose answer is lost, or that outlives its lease, may be repeated, so receivers dedupe by the id.
 * Per event, at most one send is in flight at a time.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryStore store;
    private final TransactionStore transactions;
    private final URI url;
    private final Clock clock;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final double jitter;
    private final DoubleSupplier random;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration sweepEvery;
    private final Duration sweepLookback;
    private final Duration sweepGrace;
    private final String owner;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final WebhookSweep sweep;
    private final MeterRegistry meters;
    private final WebhookPost post;
    private ScheduledExecutorService scheduler;

    private WebhookDispatcher(Builder b) {
        store = b.store;
        transactions = b.transactions;
        url = b.url;
        clock = b.clock;
        requestTimeout = b.requestTimeout;
        // HTTP/1.1: no h2c upgrade dance with a shop's plain-http endpoint
        HttpClient http = b.http != null
                ? b.http
                : HttpClient.newBuilder()
                        .connectTimeout(requestTimeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        maxAttempts = b.maxAttempts;
        backoffBase = b.backoffBase;
        backoffMax = b.backoffMax;
        jitter = b.jitter;
        random = b.random;
        pollInterval = b.pollInterval;
        batchSize = b.batchSize;
        sweepEvery = b.sweepEvery;
        sweepLookback = b.sweepLookback;
        sweepGrace = b.sweepGrace;
        sweep = transactions == null ? null : new WebhookSweep(store, transactions, clock, sweepLookback, sweepGrace);
        meters = b.meters;
        post = new WebhookPost(http, url, b.secret, clock, requestTimeout, meters);
        registerOutboxGauges();
        owner = b.owner != null
                ? b.owner
                : "webhooks-" + ProcessHandle.current().pid() + "-"
                        + HexFormat.of()
                                .toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    /**
     * {@code bakongpay.webhook.pending} and {@code .dead}: the outbox's counts, read from the store at
     * most once per 5 s however often they are scraped.
     */
    private void registerOutboxGauges() {
        if (!Meters.records(meters)) return;
        for (WebhookDeliveryState state : List.of(WebhookDeliveryState.PENDING, WebhookDeliveryState.DEAD)) {
            SampledValue<Long> count = new SampledValue<>(() -> store.count(state), Duration.ofSeconds(5), clock);
            Gauge.builder("bakongpay.webhook." + Meters.tag(state), count, c -> {
                        Long n = c.get();
                        return n == null ? Double.NaN : n;
                    })
                    .description(
                            state == WebhookDeliveryState.PENDING
                                    ? "Webhook deliveries waiting to be sent or retried"
                                    : "Webhook deliveries given up on after the last attempt")
                    .strongReference(true)
                    .register(meters);
        }
    }

    /** A dispatcher POSTing to {@code url}, signing with {@code secret}. */
    public static Builder builder(WebhookDeliveryStore store, URI url, String secret) {
        return new Builder(store, url, secret);
    }

    /** What one {@link #dispatchOnce()} did. */
    public record Round(int claimed, int delivered, int retried, int dead) {}

    /** Starts polling every {@code pollInterval} and sweeping every {@code sweepEvery}, on one daemon thread. */
    public synchronized WebhookDispatcher start() {
        if (scheduler != null) return this;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bakongpay-webhooks");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (transactions != null && !sweepEvery.isZero()) {
            scheduler.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info(
                "BakongPay webhooks: delivering to {} (up to {} attempts, node {}{})",
                redacted(url),
                maxAttempts,
                owner,
                transactions == null
                        ? ", no sweep"
                        : ", sweeping the last " + sweepLookback.toMinutes() + " min every " + sweepEvery.toSeconds()
                                + " s");
        return this;
    }

    /**
     * Sends a delivery that was given up on again (the shop's endpoint is fixed now): DEAD → PENDING
     * with its attempts reset, then a round is asked for. See {@link WebhookDeliveryStore#redeliver}.
     *
     * @return false if the event's delivery is not DEAD (delivered, still pending, or unknown)
     */
    public boolean redeliver(String eventId) {
        boolean again = store.redeliver(eventId);
        if (again) {
            LOG.info("BakongPay webhooks: {} is due again after being given up on", eventId);
            wake();
        }
        return again;
    }

    /** Asks for a round now instead of at the next poll (the listener calls it after recording). */
    public void wake() {
        ScheduledExecutorService s = scheduler;
        if (s != null && wakeQueued.compareAndSet(false, true)) {
            try {
                s.execute(() -> {
                    wakeQueued.set(false);
                    tick();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // closing
            }
        }
    }

    /** Set while rounds fail, so a store that is down is logged once, not at every poll. */
    private final java.util.concurrent.atomic.AtomicBoolean roundsFailing =
            new java.util.concurrent.atomic.AtomicBoolean();

    private void tick() {
        try {
            Round r;
            do {
                r = dispatchOnce();
            } while (r.claimed() == batchSize && !Thread.currentThread().isInterrupted());
            if (roundsFailing.compareAndSet(true, false)) {
                LOG.info("BakongPay webhooks: dispatch rounds work again");
            }
        } catch (RuntimeException e) { // a failing store must not end the schedule
            if (roundsFailing.compareAndSet(false, true)) {
                LOG.warn(
                        "BakongPay webhooks: a dispatch round failed: {}; retrying every {} ms, logged again once it works",
                        e.toString(),
                        pollInterval.toMillis());
            } else {
                LOG.debug("BakongPay webhooks: a dispatch round failed again: {}", e.toString());
            }
        }
    }

    private void sweepQuietly() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            LOG.warn("BakongPay webhooks: the sweep failed: {}", e.toString());
        }
    }

    /** Claims one batch of due deliveries, sends them (concurrently) and records each outcome. */
    public Round dispatchOnce() {
        List<WebhookDelivery> batch = store.claimDue(owner, batchSize, lease());
        if (batch.isEmpty()) return new Round(0, 0, 0, 0);
        List<CompletableFuture<HttpResponse<Void>>> sends = new ArrayList<>(batch.size());
        for (WebhookDelivery d : batch) sends.add(post.send(d));
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        for (int i = 0; i < batch.size(); i++) {
            WebhookDelivery d = batch.get(i);
            String error = post.outcome(sends.get(i));
            if (error == null) {
                store.markDelivered(d.eventId());
                delivered++;
                LOG.info(
                        "BakongPay webhook {} ({}) delivered to {} on attempt {}",
                        d.eventId(),
                        d.event().type(),
                        redacted(url),
                        d.attempts() + 1);
            } else if (d.attempts() + 1 >= maxAttempts) {
                store.giveUp(d.eventId(), owner, error);
                dead++;
                LOG.error(
                        "BakongPay webhook {} ({}) given up after {} attempts; last: {}",
                        d.eventId(),
                        d.event().type(),
                        d.attempts() + 1,
                        error);
            } else {
                Duration wait = backoff(d.attempts() + 1);
                store.retryLater(d.eventId(), owner, clock.instant().plus(wait), error);
                retried++;
                LOG.warn(
                        "BakongPay webhook {} ({}) attempt {} of {} failed ({}); next in {} s",
                        d.eventId(),
                        d.event().type(),
                        d.attempts() + 1,
                        maxAttempts,
                        error,
                        wait.toSeconds());
            }
        }
        return new Round(batch.size(), delivered, retried, dead);
    }

    /**
     * The wait after the {@code failedAttempts}-th failure: {@code base × 2^(n-1)}, capped at the
     * maximum, then spread by ± the jitter fraction so that many failed deliveries do not all come
     * back at the same instant.
     */
    Duration backoff(int failedAttempts) {
        long baseMs = backoffBase.toMillis();
        long ms = failedAttempts >= 40
                ? backoffMax.toMillis()
                : Math.min(backoffMax.toMillis(), baseMs << Math.max(0, failedAttempts - 1));
        if (ms < 0) ms = backoffMax.toMillis(); // shifted past long
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(0, Math.round(ms * spread)));
    }

    private Duration lease() {
        return requestTimeout.multipliedBy(2).plusSeconds(10);
    }

    /**
     * Records the events of final transactions changed recently whose delivery is missing. The first
     * sweep looks {@code sweepLookback} back; later ones continue where the last stopped (with an
     * overlap of {@code sweepGrace}). Changes younger than {@code sweepGrace} are left to the
     * listener of the node that made them.
     *
     * @return how many missing events it recorded (0 without a transaction store)
     */
    public int sweepOnce() {
        return sweep == null ? 0 : sweep.once();
    }

    /** This dispatcher's lease owner name. */
    public String owner() {
        return owner;
    }

    /** Stops polling and sweeping; a send in flight is abandoned, and its lease lets another node retry it. */
    @Override
    public synchronized void close() {
        if (scheduler == null) return;
        // Let a send in flight finish and record its outcome: interrupting it after the shop got
        // the POST would leave it PENDING, and it would be sent again after the lease.
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(1_000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    /** {@code https://shop.example/hooks}: scheme, host, port and path, never a query or user info. */
    static String redacted(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getPath() == null ? "" : u.getPath());
    }

    /** Settings of a {@link WebhookDispatcher}; every one has a default but the store, URL and secret. */
    public static final class Builder {
        private final WebhookDeliveryStore store;
        private final URI url;
        private final String secret;
        private TransactionStore transactions;
        private Clock clock = Clock.systemUTC();
        private HttpClient http;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxAttempts = 8;
        private Duration backoffBase = Duration.ofSeconds(30);
        private Duration backoffMax = Duration.ofHours(6);
        private double jitter = 0.2;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 20;
        private Duration sweepEvery = Duration.ofMinutes(1);
        private Duration sweepLookback = Duration.ofHours(1);
        private Duration sweepGrace = Duration.ofSeconds(30);
        private String owner;
        private MeterRegistry meters = Meters.none();

        private Builder(WebhookDeliveryStore store, URI url, String secret) {
            this.store = Objects.requireNonNull(store, "store");
            this.url = Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http:// or https:// URL, was " + url);
            }
            if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("secret must not be empty");
            this.secret = secret;
        }

        /** Turns the sweep on: recent final transactions without a recorded event get one. */
        public Builder transactions(TransactionStore v) {
            transactions = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }
        /** The client to send with (default: a JDK client with the request timeout as connect timeout, no redirects). */
        public Builder httpClient(HttpClient v) {
            http = v;
            return this;
        }
        /** How long to wait for the answer's status line (default 10 s). */
        public Builder requestTimeout(Duration v) {
            requestTimeout = positive(v, "requestTimeout");
            return this;
        }

        /** Sends per event before it is given up (default 8, at least 1). */
        public Builder maxAttempts(int v) {
            if (v < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + v);
            maxAttempts = v;
            return this;
        }

        /** The wait after the first failure, doubling per failure up to {@code max} (default 30 s, 6 h). */
        public Builder backoff(Duration base, Duration max) {
            backoffBase = positive(base, "backoff base");
            backoffMax = positive(max, "backoff max");
            return this;
        }

        /** Spread of each wait, as a fraction: 0.2 (default) waits 80 % to 120 % of it; 0 for none. */
        public Builder jitter(double v) {
            if (v < 0 || v >= 1) throw new IllegalArgumentException("jitter must be from 0 to below 1, was " + v);
            jitter = v;
            return this;
        }

        /** Uniform numbers in [0, 1) for the jitter (default: ThreadLocalRandom). */
        public Builder random(DoubleSupplier v) {
            random = Objects.requireNonNull(v);
            return this;
        }

        public Builder pollInterval(Duration v) {
            pollInterval = positive(v, "pollInterval");
            return this;
        }

        public Builder batchSize(int v) {
            if (v < 1 || v > 1000) throw new IllegalArgumentException("batchSize must be 1 to 1000, was " + v);
            batchSize = v;
            return this;
        }

        /** How often to sweep (default 1 min; zero: never in the background, {@link #sweepOnce()} still works). */
        public Builder sweepEvery(Duration v) {
            if (v == null || v.isNegative()) throw new IllegalArgumentException("sweepEvery must not be negative");
            sweepEvery = v;
            return this;
        }

        /** How far back the first sweep looks (default 1 h). */
        public Builder sweepLookback(Duration v) {
            sweepLookback = positive(v, "sweepLookback");
            return this;
        }

        /** How old a change must be before the sweep looks at it (default 30 s). */
        public Builder sweepGrace(Duration v) {
            if (v == null || v.isNegative()) throw new IllegalArgumentException("sweepGrace must not be negative");
            sweepGrace = v;
            return this;
        }

        /** This node's lease owner name (default: {@code webhooks-<pid>-<random>}). */
        public Builder owner(String v) {
            owner = v;
            return this;
        }
        /** Where delivery latencies and the outbox's pending and dead counts are recorded; default: nowhere. */
        public Builder meterRegistry(MeterRegistry v) {
            meters = Objects.requireNonNull(v);
            return this;
        }

        public WebhookDispatcher build() {
            return new WebhookDispatcher(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero())
                throw new IllegalArgumentException(name + " must be positive");
            return d;
        }
    }
}
