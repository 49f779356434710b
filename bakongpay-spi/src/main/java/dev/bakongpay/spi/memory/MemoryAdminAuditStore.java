package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.AdminAuditStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An {@link AdminAuditStore} in memory, for one node: it keeps the newest {@value #CAPACITY} entries. */
public final class MemoryAdminAuditStore implements AdminAuditStore {
    static final int CAPACITY = 10_000;
    private final Deque<AdminAuditEntry> entries = new ArrayDeque<>();

    @Override
    public synchronized void append(AdminAuditEntry entry) {
        entries.addFirst(java.util.Objects.requireNonNull(entry, "entry"));
        if (entries.size() > CAPACITY) entries.removeLast();
    }

    @Override
    public synchronized List<AdminAuditEntry> list(int limit) {
        dev.bakongpay.spi.ApiKeyStore.checkLimit(limit, MAX_LIST);
        // stable by append order within one instant; a clock that went back still sorts by time
        List<AdminAuditEntry> all = new ArrayList<>(entries);
        all.sort(java.util.Comparator.comparing(AdminAuditEntry::at).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
