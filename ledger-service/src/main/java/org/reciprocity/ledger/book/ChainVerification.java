package org.reciprocity.ledger.book;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The result of walking a timebank's ledger from its first entry: either every link holds, and
 * the chain has, at each checkpoint's sequence, the hash that checkpoint recorded; or the first
 * entry whose content, link or checkpoint does not match, and why, in plain words.
 *
 * <p>A walk alone proves only that the chain is consistent with itself: someone who can write the
 * database can change an entry and recompute every hash after it. A checkpoint kept outside the
 * database ({@link Anchor}, from a signed {@code ChainCheckpointed}) is what such a rewrite cannot
 * match, unless SHA-256 is broken.
 *
 * @param checkpointsChecked how many checkpoints the walk held the chain against
 * @param brokenCheckpoint   the checkpoint the chain does not match, if that is what broke
 */
public record ChainVerification(boolean intact, long entriesChecked, Long brokenAtSequence, String brokenTransferId,
                                String problem, int checkpointsChecked, Anchor brokenCheckpoint) {

    /** A hash the chain must have at a sequence, known from outside the database, and when it was taken. */
    public record Anchor(long sequence, String hash, Instant takenAt) {
    }

    /** Walks entries in sequence order, recomputing each hash and its link to the previous one. */
    public static ChainVerification walk(Iterator<LedgerEntry> entries) {
        return walk(entries, List.of());
    }

    /**
     * Walks entries in sequence order, recomputing each hash and its link to the previous one, and
     * compares the chain with each anchor at its sequence.
     */
    public static ChainVerification walk(Iterator<LedgerEntry> entries, List<Anchor> anchors) {
        List<Anchor> waiting = new ArrayList<>(anchors);
        waiting.sort(Comparator.comparingLong(Anchor::sequence));
        String previous = LedgerEntry.GENESIS;
        long expected = 1;
        long checked = 0;
        int newestVersion = 0;
        long lastAgreed = 0;
        int next = 0;
        // a checkpoint of the empty ledger can only say GENESIS
        while (next < waiting.size() && waiting.get(next).sequence() <= 0) {
            Anchor anchor = waiting.get(next++);
            if (!LedgerEntry.GENESIS.equals(anchor.hash())) {
                return new ChainVerification(false, 0, 0L, null, "The checkpoint taken at " + anchor.takenAt()
                        + " is of an empty ledger but does not hold the empty ledger's hash.", next, anchor);
            }
        }
        while (entries.hasNext()) {
            LedgerEntry entry = entries.next();
            if (entry.sequence() != expected) {
                return broken(checked, entry, "entry " + expected + " is missing", next);
            }
            String problem = problemOf(previous, entry);
            if (problem == null && entry.hashVersion() < newestVersion) {
                // an old, ambiguous encoding after a newer one: someone rewrote it to look older
                problem = "it is hashed the old way (version " + entry.hashVersion()
                        + ") after entries hashed the new way: it was rewritten";
            }
            if (problem != null) {
                return broken(checked, entry, problem, next);
            }
            while (next < waiting.size() && waiting.get(next).sequence() == entry.sequence()) {
                Anchor anchor = waiting.get(next++);
                if (!anchor.hash().equals(entry.hash())) {
                    return new ChainVerification(false, checked, entry.sequence(), entry.transferId(),
                            rewritten(anchor, entry, lastAgreed), next, anchor);
                }
                lastAgreed = entry.sequence();
            }
            newestVersion = Math.max(newestVersion, entry.hashVersion());
            previous = entry.hash();
            expected++;
            checked++;
        }
        if (next < waiting.size()) {
            Anchor anchor = waiting.get(next);
            return new ChainVerification(false, checked, anchor.sequence(), null, "The checkpoint taken at "
                    + anchor.takenAt() + " recorded " + anchor.sequence() + " entries, but the ledger now has only "
                    + checked + ": entries were removed after that checkpoint was taken.", next + 1, anchor);
        }
        return new ChainVerification(true, checked, null, null, null, waiting.size(), null);
    }

    /** What is wrong with one entry following an entry of hash {@code previous}; null when nothing is. */
    public static String problemOf(String previous, LedgerEntry entry) {
        if (!previous.equals(entry.previousHash())) {
            return "it does not link to the entry before it";
        }
        if (!entry.knownHashVersion()) {
            return "its hash version " + entry.hashVersion() + " is unknown to this ledger";
        }
        if (!entry.computeHash().equals(entry.hash())) {
            return "its content does not match its hash: it was changed after it was posted";
        }
        return null;
    }

    private static String rewritten(Anchor anchor, LedgerEntry entry, long lastAgreed) {
        String where = lastAgreed + 1 == entry.sequence() ? "Entry " + entry.sequence() + " was"
                : "An entry from " + (lastAgreed + 1) + " to " + entry.sequence() + " was";
        return "The checkpoint taken at " + anchor.takenAt() + " recorded entry " + entry.sequence() + " with hash "
                + anchor.hash() + ", but the ledger now gives " + entry.hash() + ". " + where
                + " changed after that checkpoint was taken, and the hashes after it recomputed to hide it.";
    }

    private static ChainVerification broken(long checked, LedgerEntry entry, String problem, int checkpointsChecked) {
        return new ChainVerification(false, checked, entry.sequence(), entry.transferId(), problem, checkpointsChecked, null);
    }
}
