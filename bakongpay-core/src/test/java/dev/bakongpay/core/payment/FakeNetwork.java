package dev.bakongpay.core.payment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A payment network that answers what the test put in, and counts calls. */
final class FakeNetwork implements PaymentNetwork {
    final Map<String, NetworkAnswer> answers = new ConcurrentHashMap<>();
    final AtomicInteger singleCalls = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();
    volatile RuntimeException failure;

    @Override
    public NetworkAnswer check(String md5) {
        singleCalls.incrementAndGet();
        if (failure != null) throw failure;
        return answers.getOrDefault(md5, NetworkAnswer.notFound());
    }

    @Override
    public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        listCalls.incrementAndGet();
        if (failure != null) throw failure;
        Map<String, NetworkAnswer> m = new java.util.LinkedHashMap<>();
        md5s.forEach(x -> m.put(x, answers.getOrDefault(x, NetworkAnswer.notFound())));
        return m;
    }
}
