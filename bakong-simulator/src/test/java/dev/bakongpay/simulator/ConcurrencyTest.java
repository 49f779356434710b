package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Concurrent payers and pollers lose nothing and double nothing")
class ConcurrencyTest extends SimulatorTestBase {

    private static final int THREADS = 8;
    private static final int QRS = 30;

    @Test
    @DisplayName("8 threads race to pay 30 QRs while others poll: each QR is paid exactly once and then always found")
    void raceToPay() throws Exception {
        List<String> qrs = new ArrayList<>();
        for (int i = 0; i < QRS; i++) {
            qrs.add(freshQr());
        }
        Map<String, String> winnerHashByMd5 = new ConcurrentHashMap<>();
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        Set<String> seenPaid = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (String qr : qrs) {
                        try {
                            SimulatedPayment paid = control.pay(qr);
                            wins.incrementAndGet();
                            if (winnerHashByMd5.putIfAbsent(paid.md5(), paid.hash()) != null) {
                                unexpected.incrementAndGet();
                            }
                        } catch (SimulatorException e) {
                            if (e.httpStatus() == 409) {
                                refusals.incrementAndGet();
                            } else {
                                unexpected.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
                work.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int round = 0; round < 2; round++) {
                        for (String qr : qrs) {
                            int code = nbc().body(Map.of("md5", TestQrs.md5(qr)))
                                    .post("/v1/check_transaction_by_md5")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .path("responseCode");
                            if (code == 0) {
                                seenPaid.add(TestQrs.md5(qr));
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).hasValue(0);
        assertThat(wins).hasValue(QRS);
        assertThat(refusals).hasValue(QRS * (THREADS - 1));
        List<SimulatedPayment> ledger = control.transactions();
        assertThat(ledger).hasSize(QRS);
        assertThat(ledger).extracting(SimulatedPayment::hash).doesNotHaveDuplicates();
        for (SimulatedPayment p : ledger) {
            assertThat(p.hash()).isEqualTo(winnerHashByMd5.get(p.md5()));
        }
        List<String> md5s = qrs.stream().map(TestQrs::md5).toList();
        List<Map<String, Object>> answers = nbc().body(md5s)
                .post("/v1/check_transaction_by_md5_list")
                .then()
                .extract()
                .path("data");
        assertThat(answers).extracting(a -> a.get("status")).containsOnly("SUCCESS");
        assertThat(md5s).containsAll(seenPaid);
        assertThat(control.callCount("/v1/check_transaction_by_md5")).isEqualTo((long) THREADS * 2 * QRS);
    }
}
