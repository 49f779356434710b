package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the answer of {@code check_transaction_by_md5_list}: {@code data} is an array of
 * {@code {"md5","status","message","data"}}. Statuses seen in public clients: SUCCESS,
 * NOT_FOUND, FAILED, and also SERVICE_FAILED and STATIC_QR, which are read as NOT_FOUND (not
 * paid as far as we can tell, asked again later), as is an md5 missing from the answer.
 */
final class Md5ListAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(Md5ListAnswer.class);
    private static final String PATH = "/v1/check_transaction_by_md5_list";

    private Md5ListAnswer() {
    }

    static Map<String, TransactionCheckResult> read(NbcJson.Envelope answer, List<String> asked, CheckCache cache) {
        if (!answer.ok()) {
            throw new BakongUnavailableException("NBC could not answer " + PATH + ": " + answer.describe(), 200, null);
        }
        if (!answer.data().isArray()) {
            throw NbcJson.malformed(PATH + " answered without a data array");
        }
        Map<String, TransactionCheckResult> results = new LinkedHashMap<>();
        for (JsonNode item : answer.data()) {
            String md5 = item.isObject() ? NbcJson.text(item, "md5") : null;
            String status = item.isObject() ? NbcJson.text(item, "status") : null;
            if (md5 == null || status == null) {
                throw NbcJson.malformed(PATH + " answered an item without md5 or status");
            }
            String key = md5.trim().toLowerCase(Locale.ROOT);
            if (!asked.contains(key)) {
                continue; // not ours to answer
            }
            String message = NbcJson.text(item, "message");
            TransactionCheckResult result;
            switch (status.toUpperCase(Locale.ROOT)) {
                case "SUCCESS" -> result = TransactionCheckResult.found(NbcJson.transaction(item.get("data"), PATH), message);
                case "FAILED" -> result = TransactionCheckResult.failed(message);
                case "NOT_FOUND" -> result = TransactionCheckResult.notFound(message);
                default -> {
                    LOG.debug("NBC answered status {} for md5 {}; read as not found", status, key);
                    result = TransactionCheckResult.notFound(status + (message == null ? "" : ": " + message));
                }
            }
            results.put(key, result);
        }
        for (String key : asked) {
            results.computeIfAbsent(key, k -> TransactionCheckResult.notFound("absent from NBC's list answer"));
        }
        results.forEach(cache::put);
        return results;
    }
}
