package org.reciprocity.ledger.book;

/** Where a contribution is in its life (see the product brief). */
public enum ContributionState {
    LOGGED, DISPUTED, VALIDATED, REJECTED, WITHDRAWN, EXPIRED;

    boolean isOpen() {
        return this == LOGGED || this == DISPUTED;
    }
}
