package org.reciprocity.review;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Every refusal of review-service; its words are in ReviewRefusal.properties and _fr. */
public enum ReviewRefusal implements Reason {

    NOT_A_MONTH(Outcome.INVALID),
    PERIOD_BACKWARDS(Outcome.INVALID),
    PERIOD_TOO_LONG(Outcome.INVALID),
    NOT_A_MEMBER_KIND(Outcome.INVALID),
    NOT_A_SORT(Outcome.INVALID),
    NOT_A_DIRECTION(Outcome.INVALID),
    PAGE_OUT_OF_RANGE(Outcome.INVALID),
    NOT_AN_INDICATOR(Outcome.NOT_FOUND),
    REBUILD_TAKES_NOTHING(Outcome.INVALID);

    private final Outcome outcome;

    ReviewRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
