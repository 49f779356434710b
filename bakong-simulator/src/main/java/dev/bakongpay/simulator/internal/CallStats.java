package dev.bakongpay.simulator.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what reached the Open API, so that a gateway's tests can prove how gentle it is with
 * NBC ("a hundred concurrent checks of one md5 make one upstream call"). Every request to a
 * {@code /v1/} path counts, answered or not; an md5 counts once per appearance in
 * {@code check_transaction_by_md5} or in a {@code check_transaction_by_md5_list} body.
 */
public final class CallStats {

    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byMd5 = new ConcurrentHashMap<>();

    public void call(String path) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    public void md5Checked(String md5) {
        byMd5.computeIfAbsent(md5, m -> new LongAdder()).increment();
    }

    public Map<String, Long> calls() {
        return snapshot(byPath);
    }

    public Map<String, Long> md5Checks() {
        return snapshot(byMd5);
    }

    public void clear() {
        byPath.clear();
        byMd5.clear();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((key, count) -> out.put(key, count.sum()));
        return out;
    }
}
