package dev.bakongpay.spi;

import java.util.List;

/** The audit trail of operators' changes: append-only. Contract: {@code AdminAuditStoreContract}. */
public interface AdminAuditStore {
    /** Most entries {@link #list(int)} returns at once. */
    int MAX_LIST = 1000;

    /** Keeps the entry. */
    void append(AdminAuditEntry entry);

    /** Up to {@code limit} entries (1 to {@value #MAX_LIST}), newest first; entries of the same instant newest-appended first. */
    List<AdminAuditEntry> list(int limit);
}
