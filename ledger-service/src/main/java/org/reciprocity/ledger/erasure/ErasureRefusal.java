package org.reciprocity.ledger.erasure;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Why a member cannot be erased now (words in ErasureRefusal.properties, English and French). */
public enum ErasureRefusal implements Reason {
    /** A contribution of the member is still waiting for a confirmation or a coordinator's decision. */
    ERASURE_WAITS_FOR_OPEN_CONTRIBUTIONS(Outcome.CONFLICT),
    /** Another admin erases an admin: nobody removes the last person able to look after the timebank by mistake. */
    CANNOT_ERASE_YOURSELF(Outcome.CONFLICT),
    /** Someone else kept changing the member's details while the erasure was written. */
    ERASURE_CHANGED_MEANWHILE(Outcome.CONFLICT),
    /** Once erased, only an admin follows the erasure (the member can no longer sign in anyway). */
    ERASURE_STATUS_FOR_ADMINS(Outcome.NOT_PERMITTED);

    private final Outcome outcome;

    ErasureRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
