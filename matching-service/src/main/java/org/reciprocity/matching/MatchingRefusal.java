package org.reciprocity.matching;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every refusal of matching, with its outcome (and so its status); its words are in MatchingRefusal.properties and _fr. The
 * code is the constant's name in kebab case ({@code MEMBER_PAUSED} is {@code member-paused}); the
 * portal and the messages word it for their reader from the code and the parameters. Who may call
 * an endpoint at all is the access policy's ({@code not-permitted}); the permissions here depend on
 * what the request says.
 */
public enum MatchingRefusal implements Reason {

    // values (what a request says, checked where it is read)
    TITLE_LENGTH(Outcome.INVALID),
    DESCRIPTION_TOO_LONG(Outcome.INVALID),
    MINUTES_OUT_OF_RANGE(Outcome.INVALID),
    EXPIRY_DATE_NEEDED(Outcome.INVALID),
    DISTRICT_NEEDED(Outcome.INVALID),
    UNKNOWN_DISTRICT(Outcome.INVALID),
    UNKNOWN_RECURRENCE(Outcome.INVALID),
    UNKNOWN_CATEGORY(Outcome.INVALID),
    NOT_A_TAG(Outcome.INVALID),
    TOO_MANY_TAGS(Outcome.INVALID),
    MODE_NEEDED(Outcome.INVALID),
    UNKNOWN_MODE(Outcome.INVALID),
    NOT_A_SLOT(Outcome.INVALID),
    NOT_A_LANGUAGE(Outcome.INVALID),
    NOT_AN_ACCESS_NEED(Outcome.INVALID),

    // profiles
    ALREADY_PAUSED(Outcome.REFUSED),
    NOT_PAUSED(Outcome.REFUSED),
    NOT_SHAREABLE(Outcome.INVALID),
    TOO_MANY_NAMES(Outcome.INVALID),

    // listings
    PROFILE_NOT_READY(Outcome.REFUSED),
    SUSPENDED_MEMBER_CANNOT_PUBLISH(Outcome.REFUSED),
    PAUSED_MEMBER_CANNOT_PUBLISH(Outcome.REFUSED),
    EXPIRY_NOT_AHEAD(Outcome.INVALID),
    EXPIRY_TOO_FAR(Outcome.INVALID),
    NOT_OPEN_TO_PAUSE(Outcome.REFUSED),
    NOT_PAUSED_TO_REOPEN(Outcome.REFUSED),
    PAST_EXPIRY_DATE(Outcome.REFUSED),
    LISTING_OFF_THE_BOARD(Outcome.REFUSED),
    LISTING_NOT_DUE(Outcome.REFUSED),
    LISTING_CHANGED_MEANWHILE(Outcome.CONFLICT),

    // proposing: what the request names
    GIVER_OR_OFFER_NEEDED(Outcome.INVALID),
    NOT_PART_OF_THE_MATCH(Outcome.NOT_PERMITTED),
    NEEDS_OWNER_HAS_NO_PROFILE(Outcome.REFUSED),

    // the hard rules (suggestions, proposals and the planner share them)
    SAME_MEMBER_ON_BOTH_SIDES(Outcome.REFUSED),
    NOT_BOTH_MEMBERS(Outcome.REFUSED),
    NOT_THE_SAME_TIMEBANK(Outcome.REFUSED),
    RECEIVER_NOT_NEED_OWNER(Outcome.REFUSED),
    GIVER_NOT_OFFER_OWNER(Outcome.REFUSED),
    MEMBER_SUSPENDED(Outcome.REFUSED),
    MEMBER_PAUSED(Outcome.REFUSED),
    VERIFIED_GIVER_NEEDED(Outcome.REFUSED),
    VERIFIED_RECEIVER_NEEDED(Outcome.REFUSED),
    TOO_MANY_OPEN_MATCHES(Outcome.REFUSED),
    LISTING_NOT_OPEN(Outcome.REFUSED),
    /** What a member proposing is told when the other side's private state refuses it (see the privacy rule). */
    MEMBER_NOT_AVAILABLE(Outcome.REFUSED),
    // the same rules when the member proposing is the side they are about: said to them as "you"
    YOU_ARE_PAUSED(Outcome.REFUSED),
    YOU_ARE_ON_HOLD(Outcome.REFUSED),
    YOU_ARE_NOT_CHECKED(Outcome.REFUSED),
    YOU_HAVE_TOO_MANY_OPEN_MATCHES(Outcome.REFUSED),

    // matches
    NOT_A_SIDE(Outcome.NOT_PERMITTED),
    NOTHING_TO_ANSWER(Outcome.REFUSED),
    PROPOSAL_EXPIRED(Outcome.REFUSED),
    ALREADY_ANSWERED(Outcome.REFUSED),
    MATCH_CLOSED(Outcome.REFUSED),
    MATCH_NOT_AGREED(Outcome.REFUSED),
    MATCH_NOT_DUE(Outcome.REFUSED),
    MATCH_CHANGED_MEANWHILE(Outcome.CONFLICT),

    // suggestions and the planner
    NO_SUGGESTIONS_NOW(Outcome.REFUSED),
    NO_SUCH_PROPOSAL(Outcome.INVALID),
    PLAN_ALREADY_SENT(Outcome.REFUSED);

    private final Outcome outcome;

    MatchingRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
