package org.reciprocity.kit.access;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Refusals of the read log; words in ReadLogRefusal.properties beside this enum. */
public enum ReadLogRefusal implements Reason {
    /** The {@value ReadReason#HEADER} header holds a code we do not know. */
    READ_REASON_UNKNOWN(Outcome.INVALID);

    private final Outcome outcome;

    ReadLogRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
