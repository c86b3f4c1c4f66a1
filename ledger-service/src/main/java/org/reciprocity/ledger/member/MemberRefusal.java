package org.reciprocity.ledger.member;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Why a change to a member is refused. */
enum MemberRefusal implements Reason {
    ONLY_ADMIN_GIVES_ROLES(Outcome.NOT_PERMITTED),
    SUPPORTER_IS_SOMEONE_ELSE(Outcome.INVALID),
    TOO_MANY_SUPPORTERS(Outcome.REFUSED),
    // the details a member is registered with
    ROLE_UNKNOWN(Outcome.INVALID),
    KIND_NEEDED(Outcome.INVALID),
    NAME_NEEDED(Outcome.INVALID),
    EMAIL_INVALID(Outcome.INVALID),
    LANGUAGE_UNKNOWN(Outcome.INVALID),
    // a paper-first member's record
    CONTACT_TOO_LONG(Outcome.INVALID),
    CONSENT_NOT_WRITTEN(Outcome.INVALID),
    // someone else kept changing the member's details while this change was worked out
    CHANGED_MEANWHILE(Outcome.CONFLICT);

    private final Outcome outcome;

    MemberRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
