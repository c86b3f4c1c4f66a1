package org.reciprocity.ledger.book;

/** Where a contribution is in its life (see the product brief). */
public enum ContributionState {
    LOGGED, DISPUTED, VALIDATED, REJECTED, WITHDRAWN, EXPIRED;

    /** The state as a word in a sentence: "validated". */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean isOpen() {
        return this == LOGGED || this == DISPUTED;
    }
}
