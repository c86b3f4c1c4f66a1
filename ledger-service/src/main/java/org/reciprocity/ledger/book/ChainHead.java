package org.reciprocity.ledger.book;

/** The last entry of a timebank's ledger: its sequence and hash, which the next entry links to. */
public record ChainHead(String timebankId, long sequence, String hash) {

    public static ChainHead empty(String timebankId) {
        return new ChainHead(timebankId, 0, LedgerEntry.GENESIS);
    }

    ChainHead after(LedgerEntry entry) {
        return new ChainHead(timebankId, entry.sequence(), entry.hash());
    }
}
