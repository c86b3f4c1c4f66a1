package org.reciprocity.review.export;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Every refusal about a timebank's download; its words are in ExportRefusal.properties and _fr. */
public enum ExportRefusal implements Reason {

    /** No download with this id in this timebank (never made, or removed when it expired). */
    NOT_AN_EXPORT(Outcome.NOT_FOUND),
    /** Asked for the file while it is still being made. */
    EXPORT_NOT_READY(Outcome.CONFLICT),
    /** Asked for the file of a download that stopped before the end. */
    EXPORT_FAILED(Outcome.CONFLICT);

    private final Outcome outcome;

    ExportRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
