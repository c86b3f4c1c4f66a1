package org.reciprocity.matching.profile;

import org.reciprocity.kit.access.Relation;
import org.reciprocity.kit.access.Viewer;
import org.reciprocity.kit.security.Caller;

/** The audience of the current request, for the privacy rule: coordinators and admins see everything. */
public final class Readers {

    private Readers() {
    }

    /** Everything for a coordinator or an admin; otherwise what a member sees (all of their own). */
    public static Audience current() {
        return Viewer.isAny(Relation.COORDINATOR, Relation.ADMIN) ? Audience.EVERYTHING
                : Audience.member(Caller.current().memberId());
    }

    /** The same, where a member reads one profile and may be matched with its member (issue 18). */
    public static Audience current(MatchedWith matched) {
        return Viewer.isAny(Relation.COORDINATOR, Relation.ADMIN) ? Audience.EVERYTHING
                : Audience.member(Caller.current().memberId(), matched);
    }
}
