package org.reciprocity.ledger.record;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Why a contribution record cannot be made as asked. */
enum RecordRefusal implements Reason {
    PERIOD_BACKWARDS(Outcome.INVALID),
    NOTHING_TO_RECORD(Outcome.REFUSED),
    /** Issue 18: the member withdrew their consent to share a record of their contributions. */
    SHARING_WITHDRAWN(Outcome.REFUSED),
    /** No record has this code (or, for a member's own calls, none of theirs does). */
    NO_SUCH_RECORD(Outcome.NOT_FOUND);

    private final Outcome outcome;

    RecordRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
