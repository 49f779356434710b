package dev.bakongpay.spi.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A setting's value broke its rule. Each {@link Entry} completes the sentence
 * {@code <NAME> was '<shown>' but it <reason>}; {@code shown} is null when the whole value is meant,
 * or a part of it (one entry of a list, or a secret cut short). Thrown by a {@link Parser}; carries
 * no stack trace, since it is an ordinary outcome that {@link Problems} collects.
 */
public final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One broken rule: the part of the value to show (null: all of it) and the reason, like "must be true or false". */
    public record Entry(String shown, String reason) {
        public Entry {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final transient List<Entry> entries;

    /** The whole value broke the rule: {@code reason} reads "must be …" or "is …". */
    public Rejected(String reason) {
        this(List.of(new Entry(null, reason)));
    }

    /** Several parts of the value broke their rules; each is reported. */
    public Rejected(List<Entry> entries) {
        super(entries.isEmpty() ? "rejected" : entries.get(0).reason(), null, false, false);
        if (entries.isEmpty()) throw new IllegalArgumentException("a rejection needs a reason");
        this.entries = List.copyOf(new ArrayList<>(entries));
    }

    public List<Entry> entries() {
        return entries;
    }
}
