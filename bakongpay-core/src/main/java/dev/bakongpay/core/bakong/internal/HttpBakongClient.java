package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.core.bakong.BakongAccountStatus;
import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongUnauthorizedException;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.DeepLinkSource;
import dev.bakongpay.core.bakong.TokenStatus;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.bakong.UpstreamException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link BakongClient} on the JDK {@code HttpClient}. Internal: create it through {@link BakongClient#create}. */
public final class HttpBakongClient implements BakongClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBakongClient.class);
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHORT_HASH = Pattern.compile("[0-9a-f]{8}");
    static final int LIST_LIMIT = 50;

    private final BakongClientConfig config;
    private final CircuitBreaker circuit;
    private final NbcTransport transport;
    private final TokenKeeper tokens;
    private final CheckCache md5Answers;
    private final AtomicBoolean listRefused = new AtomicBoolean();

    public HttpBakongClient(BakongClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.circuit =
                new CircuitBreaker(config.circuitFailureThreshold(), config.circuitOpenDuration(), config.clock());
        this.transport =
                new NbcTransport(config, circuit, new UpstreamMeters(config.meterRegistry(), config.upstreamTag()));
        UpstreamMeters.circuitGauges(config.meterRegistry(), config.upstreamTag(), circuit);
        this.tokens = new TokenKeeper(config.token(), config.renewalEmail(), config.clock(), this::callRenewToken);
        this.transport.tokens(tokens);
        this.md5Answers = new CheckCache(
                config.clock(),
                config.pendingCacheTtl(),
                config.finalCacheTtl(),
                config.meterRegistry(),
                config.upstreamTag());
        TokenStatus status = tokens.status();
        LOG.info(
                "Bakong client for {}{}; token expires {}",
                config.baseUrl(),
                config.proxy() == null
                        ? ""
                        : " through proxy " + config.proxy().getHostString() + ":"
                                + config.proxy().getPort(),
                status.expiry()
                        .map(e -> "at " + e + " (" + status.daysLeft().getAsLong() + " days left)")
                        .orElse("at an unknown time (not a JWT)"));
    }

    @Override
    public TransactionCheckResult checkTransactionByMd5(String md5) {
        return checkMd5(normalize(md5, MD5, "md5", "32 hex digits"), Deadline.after(config.deadline()));
    }

    private TransactionCheckResult checkMd5(String key, Deadline deadline) {
        return md5Answers.get(
                key, () -> checkOne("/v1/check_transaction_by_md5", Map.of("md5", key), deadline), deadline);
    }

    @Override
    public Map<String, TransactionCheckResult> checkTransactionsByMd5(Collection<String> md5s) {
        Objects.requireNonNull(md5s, "md5s");
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (String md5 : md5s) {
            keys.add(normalize(md5, MD5, "md5", "32 hex digits"));
        }
        Deadline deadline = Deadline.after(config.deadline()); // one budget for all chunks and any fallback
        Map<String, TransactionCheckResult> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            TransactionCheckResult hit = md5Answers.cached(key);
            if (hit != null) {
                found.put(key, hit);
            } else {
                missing.add(key);
            }
        }
        for (int from = 0; from < missing.size(); from += LIST_LIMIT) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + LIST_LIMIT));
            found.putAll(listRefused.get() ? checkEach(chunk, deadline) : checkList(chunk, deadline));
        }
        Map<String, TransactionCheckResult> ordered = new LinkedHashMap<>();
        keys.forEach(k -> ordered.put(k, found.get(k)));
        return ordered;
    }

    private Map<String, TransactionCheckResult> checkList(List<String> chunk, Deadline deadline) {
        NbcJson.Envelope answer;
        try {
            answer = transport.post("/v1/check_transaction_by_md5_list", chunk, NbcTransport.Kind.READ, deadline);
        } catch (MalformedAnswerException e) {
            return askOneByOne(chunk, deadline, e);
        } catch (UpstreamException e) {
            if (e.httpStatus() != 403) {
                throw e;
            }
            if (listRefused.compareAndSet(false, true)) {
                LOG.warn(
                        "NBC refused check_transaction_by_md5_list with HTTP 403 (reported for some production tokens); "
                                + "checking md5s one by one from now on, at most {} at a time",
                        config.fallbackConcurrency());
            }
            return checkEach(chunk, deadline);
        }
        try {
            return Md5ListAnswer.read(answer, chunk, md5Answers);
        } catch (MalformedAnswerException e) {
            return askOneByOne(chunk, deadline, e);
        }
    }

    /**
     * A list answer that cannot be read as a whole (HTTP 200 but not JSON, too large, no list)
     * may be one bad payment spoiling it: the chunk is asked again md5 by md5, so only that
     * payment's answer is lost. Costs one call per md5 of the chunk, shared with every other caller.
     * When no single answer can be read either, the call fails as a whole.
     */
    private Map<String, TransactionCheckResult> askOneByOne(
            List<String> chunk, Deadline deadline, MalformedAnswerException e) {
        LOG.warn(
                "NBC's answer to check_transaction_by_md5_list for {} md5s could not be read ({}); asking md5 by md5",
                chunk.size(),
                e.getMessage());
        return checkEach(chunk, deadline);
    }

    /** Single checks with bounded concurrency; they share the single-flight cache with all other callers. */
    private Map<String, TransactionCheckResult> checkEach(List<String> chunk, Deadline deadline) {
        Map<String, TransactionCheckResult> results = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.fallbackConcurrency(), chunk.size()), r -> {
            Thread t = new Thread(r, "bakong-md5-fallback");
            t.setDaemon(true);
            return t;
        });
        MalformedAnswerException unreadable = null;
        int unreadableCount = 0;
        try {
            Map<String, Future<TransactionCheckResult>> futures = new LinkedHashMap<>();
            for (String md5 : chunk) {
                futures.put(md5, pool.submit(() -> checkMd5(md5, deadline)));
            }
            for (Map.Entry<String, Future<TransactionCheckResult>> f : futures.entrySet()) {
                try {
                    results.put(
                            f.getKey(), f.getValue().get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof MalformedAnswerException bad)) {
                        throw e;
                    }
                    unreadable = bad;
                    unreadableCount++;
                    // NBC answered about this md5, unreadably: that md5 only, the others keep their answers
                    LOG.warn(
                            "NBC's answer about md5 {} could not be read ({}); read as unusable",
                            f.getKey(),
                            bad.getMessage());
                    results.put(
                            f.getKey(),
                            TransactionCheckResult.unusable("NBC's answer about this md5 could not be read"));
                }
            }
            if (unreadableCount == chunk.size()) {
                throw unreadable; // not one bad payment: nothing NBC says can be read, which is a failure of the whole
                // call
            }
            return results;
        } catch (TimeoutException e) {
            throw new BakongTimeoutException(
                    "NBC did not answer " + chunk.size() + " single md5 checks within the "
                            + deadline.budget().toMillis() + " ms budget",
                    e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new BakongUnavailableException("single md5 check failed", 0, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BakongUnavailableException("interrupted while checking md5s one by one", 0, e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public TransactionCheckResult checkTransactionByHash(String hash) {
        String key = normalize(hash, HASH, "hash", "64 hex digits");
        return checkOne("/v1/check_transaction_by_hash", Map.of("hash", key), Deadline.after(config.deadline()));
    }

    @Override
    public TransactionCheckResult checkTransactionByShortHash(String shortHash, BigDecimal amount, String currency) {
        String key = normalize(shortHash, SHORT_HASH, "shortHash", "8 hex digits");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount was '" + amount + "' but it must be positive");
        }
        if (!"USD".equals(currency) && !"KHR".equals(currency)) {
            throw new IllegalArgumentException("currency was '" + currency + "' but it must be USD or KHR");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hash", key);
        body.put("amount", amount);
        body.put("currency", currency);
        return checkOne("/v1/check_transaction_by_short_hash", body, Deadline.after(config.deadline()));
    }

    private TransactionCheckResult checkOne(String path, Object body, Deadline deadline) {
        NbcJson.Envelope answer = transport.post(path, body, NbcTransport.Kind.READ, deadline);
        if (answer.ok()) {
            try {
                return TransactionCheckResult.found(NbcJson.transaction(answer.data()), answer.responseMessage());
            } catch (NbcJson.Unusable e) {
                LOG.warn(
                        "NBC answered {} {} with success, but not with a sane payment ({}); read as unusable",
                        path,
                        body,
                        e.getMessage());
                return TransactionCheckResult.unusable(e.getMessage());
            }
        }
        Integer code = answer.errorCode();
        if (code != null && (code == 1 || code == 2)) { // 2: static QR, which NBC cannot look up: never "paid" here
            return TransactionCheckResult.notFound(answer.responseMessage());
        }
        if (code != null && code == 3) {
            return TransactionCheckResult.failed(answer.responseMessage());
        }
        throw new BakongUnavailableException("NBC could not answer " + path + ": " + answer.describe(), 200, null);
    }

    @Override
    public BakongAccountStatus checkBakongAccount(String accountId) {
        if (accountId == null || accountId.isBlank() || accountId.length() > 32) {
            throw new IllegalArgumentException(
                    "accountId was '" + accountId + "' but it must be name@bank, at most 32 characters");
        }
        NbcJson.Envelope answer =
                transport.post("/v1/check_bakong_account", Map.of("accountId", accountId), NbcTransport.Kind.READ);
        if (answer.ok()) {
            return BakongAccountStatus.EXISTS;
        }
        if (Integer.valueOf(11).equals(answer.errorCode())) {
            return BakongAccountStatus.NOT_FOUND;
        }
        if (Integer.valueOf(12).equals(answer.errorCode())) {
            return BakongAccountStatus.INVALID;
        }
        throw new BakongUnavailableException("NBC could not check the account: " + answer.describe(), 200, null);
    }

    @Override
    public Optional<String> generateDeepLink(String qr, DeepLinkSource source) {
        if (qr == null || qr.isBlank()) {
            throw new IllegalArgumentException("qr must not be empty");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("qr", qr);
        if (source != null) {
            body.put(
                    "sourceInfo",
                    Map.of(
                            "appIconUrl",
                            source.appIconUrl(),
                            "appName",
                            source.appName(),
                            "appDeepLinkCallback",
                            source.appDeepLinkCallback()));
        }
        NbcJson.Envelope answer = transport.post("/v1/generate_deeplink_by_qr", body, NbcTransport.Kind.WRITE);
        if (answer.ok()) {
            String link = answer.data().isObject() ? NbcJson.text(answer.data(), "shortLink") : null;
            if (link == null
                    || link.isBlank()
                    || link.length() > 2048
                    || !NbcJson.printable(link, 2048).equals(link)) {
                throw NbcJson.malformed("generate_deeplink_by_qr answered success without a sane data.shortLink");
            }
            return Optional.of(link);
        }
        if (answer.errorCode() != null && (answer.errorCode() == 4 || answer.errorCode() == 5)) {
            LOG.warn("NBC declined a deep link: {}", answer.describe());
            return Optional.empty();
        }
        throw new BakongUnavailableException("NBC could not generate a deep link: " + answer.describe(), 200, null);
    }

    @Override
    public TokenStatus tokenStatus() {
        return tokens.status();
    }

    @Override
    public TokenStatus renewToken() {
        TokenStatus status = tokens.renew();
        listRefused.set(false); // a new token may be allowed the list call
        return status;
    }

    @Override
    public CircuitState circuitState() {
        return circuit.state();
    }

    private String callRenewToken(String email) {
        NbcJson.Envelope answer =
                transport.post("/v1/renew_token", Map.of("email", email), NbcTransport.Kind.ANONYMOUS);
        JsonNode data = answer.data();
        String token = data != null && data.isObject() ? NbcJson.text(data, "token") : null;
        if (!answer.ok() || token == null || token.isBlank()) {
            throw new BakongUnauthorizedException(
                    "NBC refused to renew the token for " + email + ": " + answer.describe(), 200);
        }
        return token.trim();
    }

    private static String normalize(String value, Pattern pattern, String name, String shape) {
        String v = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        if (v == null || !pattern.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " was '" + value + "' but it must be " + shape);
        }
        return v;
    }
}
