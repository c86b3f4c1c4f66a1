package org.reciprocity.ledger.book;

import java.util.Iterator;

/**
 * The result of walking a timebank's ledger from its first entry: either every link holds, or
 * the first entry whose content or link does not match, and why.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long brokenAtSequence, String brokenTransferId,
                                String problem) {

    /** Walks entries in sequence order, recomputing each hash and its link to the previous one. */
    public static ChainVerification walk(Iterator<LedgerEntry> entries) {
        String previous = LedgerEntry.GENESIS;
        long expected = 1;
        long checked = 0;
        while (entries.hasNext()) {
            LedgerEntry entry = entries.next();
            if (entry.sequence() != expected) {
                return broken(checked, entry, "entry " + expected + " is missing");
            }
            if (!previous.equals(entry.previousHash())) {
                return broken(checked, entry, "it does not link to the entry before it");
            }
            if (!entry.computeHash().equals(entry.hash())) {
                return broken(checked, entry, "its content does not match its hash: it was changed after it was posted");
            }
            previous = entry.hash();
            expected++;
            checked++;
        }
        return new ChainVerification(true, checked, null, null, null);
    }

    private static ChainVerification broken(long checked, LedgerEntry entry, String problem) {
        return new ChainVerification(false, checked, entry.sequence(), entry.transferId(), problem);
    }
}
