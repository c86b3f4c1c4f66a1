package org.reciprocity.matching.access;

import static org.reciprocity.kit.access.Relation.ADMIN;
import static org.reciprocity.kit.access.Relation.COORDINATOR;
import static org.reciprocity.kit.access.Relation.MEMBER;
import static org.reciprocity.kit.access.Relation.PARTY;
import static org.reciprocity.kit.access.Relation.REVIEWER;
import static org.reciprocity.kit.access.Relation.SELF;

import java.util.EnumSet;
import java.util.Set;

import org.reciprocity.kit.access.AccessRule;
import org.reciprocity.kit.access.Relation;

/**
 * Who may do what in matching: one line an endpoint, any one of the relations is enough. SELF is
 * the member the path names; PARTY is a listing's owner or one of the two members of a match. Matching
 * does not know who supports whom, so no rule here names SUPPORTER. What a reader then sees of
 * another member is the privacy rule's ({@code ProfileField}).
 */
public enum MatchingAccess implements AccessRule {

    // profiles: /profiles/{memberId}
    // only the fields the privacy rule shows the reader; coordinators and admins see it all, and their
    // reads are kept for the member (who looked): they are named here so the look is kept as theirs
    READ_PROFILE(MEMBER, COORDINATOR, ADMIN),
    READ_NAMES(MEMBER),                               // /names?ids=…: display names only, for the portal's pages
    UPDATE_PROFILE(SELF),
    PAUSE_MEMBER(SELF, COORDINATOR, ADMIN),
    RESUME_MEMBER(SELF, COORDINATOR, ADMIN),
    VERIFY_MEMBER(COORDINATOR, ADMIN),
    SEARCH_DIRECTORY(MEMBER),                         // find a member by name: id and display name only

    // listings: the board is public to the timebank's members
    PUBLISH_LISTING(MEMBER),
    SEARCH_LISTINGS(MEMBER),
    READ_LISTING(MEMBER),
    EDIT_LISTING(PARTY),
    PAUSE_LISTING(PARTY, COORDINATOR, ADMIN),
    REOPEN_LISTING(PARTY, COORDINATOR, ADMIN),
    WITHDRAW_LISTING(PARTY, COORDINATOR, ADMIN),
    SEE_SUGGESTIONS(PARTY, COORDINATOR, ADMIN),       // reasons worded by the privacy rule
    LIST_MEMBER_LISTINGS(SELF, COORDINATOR, ADMIN),   // a member's open and paused listings: /members/{memberId}/listings

    // matches
    PROPOSE_MATCH(MEMBER),                            // a member only one they are part of (checked on the body)
    LIST_OWN_MATCHES(MEMBER),
    LIST_MEMBER_MATCHES(SELF, COORDINATOR, REVIEWER, ADMIN),
    READ_MATCH(PARTY, COORDINATOR, REVIEWER, ADMIN),
    ACCEPT_MATCH(PARTY),
    DECLINE_MATCH(PARTY),
    CANCEL_MATCH(PARTY, COORDINATOR, ADMIN),

    // the coordinator's desk
    READ_COORDINATOR_QUEUE(COORDINATOR, ADMIN),
    RUN_PLANNER(COORDINATOR, ADMIN),
    READ_PLAN(COORDINATOR, ADMIN),
    SEND_PLAN(COORDINATOR, ADMIN),
    SEE_SUGGESTIONS_AS_COORDINATOR(COORDINATOR, ADMIN), // names who is left out and why (paused, not checked…)
    LIST_TIMEBANK_MATCHES(COORDINATOR, ADMIN),          // every match of the timebank by state, a page at a time

    // operations: the kit's list of this timebank's events the broker refused for good (ParkedEventsController)
    PARKED_EVENTS_READ(ADMIN),
    // operations: how many closed listings, match texts and plans the retention job removed (counts only)
    RETENTION_REPORTS_READ(ADMIN),

    // issue 18: who looked at a member's matches (the kit's ReadsController): the member and admins
    LIST_READS(SELF, ADMIN),
    // issue 18: every document matching holds about the member (erasure/PersonalDataController)
    EXPORT_PERSONAL_DATA(SELF, ADMIN);

    /**
     * Issue 18: a coordinator's, staff's or admin's read of these is kept for the member ("who looked").
     * READ_PROFILE too since the portal reads names through READ_NAMES, which is not a look at anyone;
     * see docs/personal-data.md 3.5.
     */
    private static final Set<MatchingAccess> SENSITIVE =
            EnumSet.of(READ_PROFILE, LIST_MEMBER_MATCHES, EXPORT_PERSONAL_DATA);

    private final Set<Relation> allowed;

    MatchingAccess(Relation first, Relation... more) {
        this.allowed = Set.copyOf(EnumSet.of(first, more));
    }

    @Override
    public Set<Relation> allowed() {
        return allowed;
    }

    @Override
    public boolean sensitive() {
        return SENSITIVE.contains(this);
    }
}
