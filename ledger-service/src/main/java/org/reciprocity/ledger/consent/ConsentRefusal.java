package org.reciprocity.ledger.consent;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Why a consent cannot be recorded as asked, or what a withdrawn consent refuses. */
enum ConsentRefusal implements Reason {
    CONSENT_UNKNOWN(Outcome.INVALID),
    GIVEN_OR_NOT_NEEDED(Outcome.INVALID),
    /** The member withdrew their consent for supporters to log for them. */
    SUPPORTER_NOT_ALLOWED(Outcome.NOT_PERMITTED),
    /** Someone else changed the member's consents at the same moment, again and again. */
    CONSENTS_CHANGED_MEANWHILE(Outcome.CONFLICT);

    private final Outcome outcome;

    ConsentRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
