package dev.bakongpay.spi;

/** What {@link TransactionStore#insert(Transaction)} did. Duplicates are values, not exceptions. */
public enum InsertOutcome {
    /** Stored. */
    INSERTED,
    /** Nothing stored: a transaction with this id exists. */
    DUPLICATE_ID,
    /** Nothing stored: a transaction with this md5 exists (under another id). */
    DUPLICATE_MD5
}
