package org.reciprocity.ledger.integrity;

import org.reciprocity.ledger.book.ChainVerification;

/**
 * What a broken chain's outcome says, in one sentence a reader outside the team follows. The walk
 * words an entry's own fault as a fragment about "it" (the entry), and a checkpoint's disagreement
 * as whole sentences; the outcome names the entry for the former.
 */
final class BrokenChainWords {

    private BrokenChainWords() {
    }

    /** Null for an intact chain. */
    static String of(ChainVerification walk) {
        if (walk.intact()) {
            return null;
        }
        String problem = walk.problem() == null || walk.problem().isBlank() ? "it does not match" : walk.problem().strip();
        if (walk.brokenCheckpoint() != null || walk.brokenAtSequence() == null) {
            return problem;
        }
        String sentence = "Entry " + walk.brokenAtSequence() + ": " + problem;
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
