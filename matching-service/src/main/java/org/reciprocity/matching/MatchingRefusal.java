package org.reciprocity.matching;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every refusal of matching, with its outcome (and so its status) and default English words. The
 * code is the constant's name in kebab case ({@code MEMBER_PAUSED} is {@code member-paused}); the
 * portal and the messages word it for their reader from the code and the parameters. Who may call
 * an endpoint at all is the access policy's ({@code not-permitted}); the permissions here depend on
 * what the request says.
 */
public enum MatchingRefusal implements Reason {

    // values (what a request says, checked where it is read)
    TITLE_LENGTH(Outcome.INVALID, "A listing needs a title of 3 to 120 characters."),
    DESCRIPTION_TOO_LONG(Outcome.INVALID, "Keep the description under 2,000 characters."),
    MINUTES_OUT_OF_RANGE(Outcome.INVALID, "Estimate the time in whole minutes, from {min} to {max}."),
    EXPIRY_DATE_NEEDED(Outcome.INVALID, "Give the date the listing should leave the board (expiresAt)."),
    DISTRICT_NEEDED(Outcome.INVALID, "Help in person or in a group needs a postcode district, like M14."),
    UNKNOWN_DISTRICT(Outcome.INVALID,
            "'{value}' is not a postcode district we know; give the first half of a postcode, like M14 or SE5."),
    UNKNOWN_RECURRENCE(Outcome.INVALID, "'{value}' is not a recurrence: WEEKLY, FORTNIGHTLY or MONTHLY."),
    UNKNOWN_CATEGORY(Outcome.INVALID, "'{value}' is not one of the timebank's categories: {choices}."),
    NOT_A_TAG(Outcome.INVALID, "'{value}' is not a tag: use up to 30 letters, digits, spaces or dashes."),
    TOO_MANY_TAGS(Outcome.INVALID, "Use at most {max} tags."),
    MODE_NEEDED(Outcome.INVALID, "Say how the help is given: IN_PERSON, REMOTE or GROUP."),
    UNKNOWN_MODE(Outcome.INVALID, "'{value}' is not a way of helping: IN_PERSON, REMOTE or GROUP."),
    NOT_A_SLOT(Outcome.INVALID, "'{value}' is not a weekly slot; write it like TUESDAY_AFTERNOON."),
    NOT_A_LANGUAGE(Outcome.INVALID, "'{value}' is not a language code; use ISO codes like en, ar, pl."),
    NOT_AN_ACCESS_NEED(Outcome.INVALID, "'{value}' is not an access need; use a few words, like step-free or bsl."),

    // profiles
    ALREADY_PAUSED(Outcome.REFUSED, "You are already paused."),
    NOT_PAUSED(Outcome.REFUSED, "You are not paused."),
    NOT_SHAREABLE(Outcome.INVALID, "'{field}' is not something a profile can share; choose from {choices}."),

    // listings
    PROFILE_NOT_READY(Outcome.REFUSED, "Your matching profile is not ready yet; try again in a moment."),
    SUSPENDED_MEMBER_CANNOT_PUBLISH(Outcome.REFUSED, "A suspended member cannot publish listings."),
    PAUSED_MEMBER_CANNOT_PUBLISH(Outcome.REFUSED,
            "You are paused; resume first, and your listings come back on the board."),
    EXPIRY_NOT_AHEAD(Outcome.INVALID, "The expiry date must be in the future."),
    EXPIRY_TOO_FAR(Outcome.INVALID,
            "A listing can stay on the board for at most a year; choose an earlier expiry date."),
    NOT_OPEN_TO_PAUSE(Outcome.REFUSED, "Only an open listing can be paused; this one is {state}."),
    NOT_PAUSED_TO_REOPEN(Outcome.REFUSED, "Only a paused listing can be reopened; this one is {state}."),
    PAST_EXPIRY_DATE(Outcome.REFUSED, "This listing has passed its expiry date; edit the date first."),
    LISTING_OFF_THE_BOARD(Outcome.REFUSED, "This listing is {state} and can no longer be changed ({action})."),
    LISTING_NOT_DUE(Outcome.REFUSED, "Listing {listingId} is not due to expire."),
    LISTING_CHANGED_MEANWHILE(Outcome.CONFLICT, "The listing changed at the same moment; reload it and try again."),

    // proposing: what the request names
    GIVER_OR_OFFER_NEEDED(Outcome.INVALID,
            "Name the offer (offerListingId) or the member who would help (giverId)."),
    NOT_PART_OF_THE_MATCH(Outcome.NOT_PERMITTED, "A member can only propose a match they are part of."),
    NEEDS_OWNER_HAS_NO_PROFILE(Outcome.REFUSED, "The need's owner has no matching profile."),

    // the hard rules (suggestions, proposals and the planner share them)
    SAME_MEMBER_ON_BOTH_SIDES(Outcome.REFUSED, "Nobody is matched with themselves."),
    NOT_BOTH_MEMBERS(Outcome.REFUSED, "Both sides must be members of the timebank."),
    NOT_THE_SAME_TIMEBANK(Outcome.REFUSED, "Both sides must be in the same timebank."),
    RECEIVER_NOT_NEED_OWNER(Outcome.REFUSED, "The receiver must be the owner of a need."),
    GIVER_NOT_OFFER_OWNER(Outcome.REFUSED, "The giver must be the owner of the offer."),
    MEMBER_SUSPENDED(Outcome.REFUSED, "{member} is suspended and cannot be matched."),
    MEMBER_PAUSED(Outcome.REFUSED, "{member} has paused and is not proposed to anyone until they come back."),
    VERIFIED_GIVER_NEEDED(Outcome.REFUSED, "This need asks for a verified member, and {member} is not verified."),
    VERIFIED_RECEIVER_NEEDED(Outcome.REFUSED,
            "This offer is only for verified members, and {member} is not verified."),
    TOO_MANY_OPEN_MATCHES(Outcome.REFUSED, "{member} already has {open} open matches, the most allowed."),
    LISTING_NOT_OPEN(Outcome.REFUSED, "Only open listings can be matched."),
    /** What a member proposing is told when the other side's private state refuses it (see the privacy rule). */
    MEMBER_NOT_AVAILABLE(Outcome.REFUSED, "{member} cannot be matched just now."),

    // matches
    NOT_A_SIDE(Outcome.NOT_PERMITTED, "Only the two members of a match can answer it."),
    NOTHING_TO_ANSWER(Outcome.REFUSED, "This match is {state}; there is nothing to answer."),
    PROPOSAL_EXPIRED(Outcome.REFUSED, "This proposal has expired."),
    ALREADY_ANSWERED(Outcome.REFUSED, "You have already answered this proposal."),
    MATCH_CLOSED(Outcome.REFUSED, "This match is {state} and can no longer be cancelled."),
    MATCH_NOT_AGREED(Outcome.REFUSED, "Only an agreed match can be completed; this one is {state}."),
    MATCH_NOT_DUE(Outcome.REFUSED, "Match {matchId} is not due to expire."),
    MATCH_CHANGED_MEANWHILE(Outcome.CONFLICT,
            "The match changed at the same moment (perhaps the other side answered); reload it and try again."),

    // suggestions and the planner
    NO_SUGGESTIONS_NOW(Outcome.REFUSED, "Suggestions are for open listings of available members."),
    NO_SUCH_PROPOSAL(Outcome.INVALID, "The plan has proposals 0 to {last}; {index} is not one of them."),
    PLAN_ALREADY_SENT(Outcome.REFUSED, "This plan has already been sent.");

    private final Outcome outcome;
    private final String english;

    MatchingRefusal(Outcome outcome, String english) {
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
