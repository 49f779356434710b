package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.view.CheckView;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.io.UncheckedIOException;

/**
 * The {@code /check/md5} answers of finished payments (SUCCESS, FAILED), serialized once. Such an
 * answer is a function of the md5 and the transaction alone, and the transaction never changes
 * again, so a client polling a finished payment gets the same bytes every time: they are written
 * as they are instead of being serialized anew on every poll. An entry is used only for the very
 * transaction object it was made from (the one core's final-status cache hands out), so a
 * transaction read again from the store is serialized again, never answered from another's bytes.
 * Bounded: past {@code maxEntries} the least useful are evicted.
 */
public final class FinalAnswers {
    private final Cache<String, Entry> answers;

    private record Entry(Transaction transaction, byte[] json) {}

    /** @param maxEntries at most this many answers are held; zero serializes every answer */
    public FinalAnswers(int maxEntries) {
        this.answers = maxEntries <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .executor(Runnable::run)
                        .<String, Entry>build();
    }

    /**
     * The whole {@code {"success":true,"data":{…}}} answer to this check as JSON bytes when its
     * status is final, or null: the caller then answers {@link Json#success} of the view as usual.
     */
    public byte[] of(PaymentCheck check) {
        Transaction t = check.transaction();
        if (answers == null || t == null || !neverChanges(t.status())) return null;
        Entry e = answers.getIfPresent(check.md5());
        if (e != null && e.transaction() == t) return e.json();
        byte[] json = serialize(check);
        answers.put(check.md5(), new Entry(t, json));
        return json;
    }

    /** SUCCESS and FAILED: no transition leaves them (EXPIRED may still turn a late SUCCESS). */
    private static boolean neverChanges(PaymentStatus status) {
        return status == PaymentStatus.SUCCESS || status == PaymentStatus.FAILED;
    }

    /** What the JSON provider writes for this check's answer, with the same mapper. */
    static byte[] serialize(PaymentCheck check) {
        try {
            return Json.MAPPER.writeValueAsBytes(Json.success(CheckView.of(check)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
