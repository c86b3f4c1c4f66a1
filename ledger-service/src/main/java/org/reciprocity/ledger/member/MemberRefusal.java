package org.reciprocity.ledger.member;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/** Why a change to a member is refused. */
enum MemberRefusal implements Reason {
    ONLY_ADMIN_GIVES_ROLES(Outcome.NOT_PERMITTED,
            "Only an admin can make someone a coordinator, staff reviewer or admin."),
    SUPPORTER_IS_SOMEONE_ELSE(Outcome.INVALID, "A supporter is someone else."),
    TOO_MANY_SUPPORTERS(Outcome.REFUSED, "A member names at most {max} supporters.");

    private final Outcome outcome;
    private final String english;

    MemberRefusal(Outcome outcome, String english) {
        this.outcome = outcome;
        this.english = english;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String english() {
        return english;
    }
}
