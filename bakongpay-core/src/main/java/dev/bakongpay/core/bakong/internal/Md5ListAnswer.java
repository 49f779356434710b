package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the answer of {@code check_transaction_by_md5_list}: {@code data} is an array of
 * {@code {"md5","status","message","data"}}. Statuses seen in public clients: SUCCESS,
 * NOT_FOUND, FAILED, and also SERVICE_FAILED and STATIC_QR, which are read as NOT_FOUND (not
 * paid as far as we can tell, asked again later), as is an md5 missing from the answer.
 *
 * <p>Each md5 is judged on its own: an item that is not a sane answer (no status, a SUCCESS
 * without a sane payment, two different answers for one md5) makes that md5 UNUSABLE and leaves
 * the others alone. An item that names no md5 we asked about is skipped.
 */
final class Md5ListAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(Md5ListAnswer.class);
    private static final String PATH = "/v1/check_transaction_by_md5_list";

    private Md5ListAnswer() {}

    static Map<String, TransactionCheckResult> read(NbcJson.Envelope answer, List<String> asked, CheckCache cache) {
        if (!answer.ok()) {
            throw new BakongUnavailableException("NBC could not answer " + PATH + ": " + answer.describe(), 200, null);
        }
        if (!answer.data().isArray()) {
            throw NbcJson.malformed(PATH + " answered without a data array");
        }
        Set<String> wanted = new HashSet<>(asked);
        Map<String, TransactionCheckResult> results = new LinkedHashMap<>();
        Set<String> conflicting = new HashSet<>();
        int skipped = 0;
        for (JsonNode item : answer.data()) {
            String md5 = item.isObject() ? NbcJson.text(item, "md5") : null;
            String key = md5 == null || md5.length() > 64 ? null : md5.trim().toLowerCase(Locale.ROOT);
            if (key == null || !wanted.contains(key)) {
                skipped++; // not ours to answer, or not attributable to any md5
                continue;
            }
            TransactionCheckResult result = judge(item, key);
            TransactionCheckResult earlier = results.putIfAbsent(key, result);
            if (earlier != null
                    && (earlier.status() != result.status()
                            || !Objects.equals(earlier.transaction(), result.transaction()))) {
                conflicting.add(key);
            }
        }
        for (String key : conflicting) {
            LOG.warn("NBC's md5-list answer has conflicting items for md5 {}; read as unusable", key);
            results.put(key, TransactionCheckResult.unusable("NBC's list answer has conflicting items for this md5"));
        }
        if (skipped > 0) {
            LOG.debug(
                    "NBC's md5-list answer had {} items for md5s not asked about or without an md5; skipped", skipped);
        }
        for (String key : asked) {
            results.computeIfAbsent(key, k -> TransactionCheckResult.notFound("absent from NBC's list answer"));
        }
        results.forEach(cache::put);
        return results;
    }

    private static TransactionCheckResult judge(JsonNode item, String key) {
        String status = NbcJson.text(item, "status");
        if (status == null || status.length() > 32) {
            LOG.warn("NBC's md5-list answer for md5 {} has no status; read as unusable", key);
            return TransactionCheckResult.unusable("NBC's list item has no status");
        }
        String message = NbcJson.message(item, "message");
        switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> {
                try {
                    return TransactionCheckResult.found(NbcJson.transaction(item.get("data")), message);
                } catch (NbcJson.Unusable e) {
                    LOG.warn(
                            "NBC reported md5 {} paid, but not with a sane payment ({}); read as unusable",
                            key,
                            e.getMessage());
                    return TransactionCheckResult.unusable(e.getMessage());
                }
            }
            case "FAILED" -> {
                return TransactionCheckResult.failed(message);
            }
            case "NOT_FOUND" -> {
                return TransactionCheckResult.notFound(message);
            }
            default -> {
                String shown = NbcJson.printable(status, 32);
                LOG.debug("NBC answered status {} for md5 {}; read as not found", shown, key);
                return TransactionCheckResult.notFound(shown + (message == null ? "" : ": " + message));
            }
        }
    }
}
