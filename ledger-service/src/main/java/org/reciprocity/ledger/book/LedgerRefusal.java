package org.reciprocity.ledger.book;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every reason the ledger refuses a command, as a table: the code a program reads (the constant's
 * name in kebab case), what kind of refusal it is, and the default English words. A refusal
 * changes nothing.
 */
public enum LedgerRefusal implements Reason {
    // what the command names does not exist
    NO_TIMEBANK(Outcome.NOT_FOUND, "There is no timebank '{timebank}'."),
    NO_MEMBER(Outcome.NOT_FOUND, "There is no member '{member}' in this timebank."),
    NO_CONTRIBUTION(Outcome.NOT_FOUND, "There is no contribution '{contribution}' in this timebank."),
    NO_TRANSFER(Outcome.NOT_FOUND, "There is no transfer '{transfer}' in this timebank's ledger."),
    NO_ACTIVITY(Outcome.NOT_FOUND, "There is no group activity '{activity}' here."),

    // who may: the caller is not the person this is for
    LOGGER_CANNOT_CONFIRM(Outcome.NOT_PERMITTED, "You logged this contribution, so someone else must confirm it."),
    NOT_THE_COUNTERPART(Outcome.NOT_PERMITTED,
            "Only the other person, a coordinator, or the organisation's staff can confirm this contribution."),
    ONLY_COUNTERPART_DISPUTES(Outcome.NOT_PERMITTED, "Only the other person named in this contribution can dispute it."),
    ONLY_LOGGER_WITHDRAWS(Outcome.NOT_PERMITTED, "Only whoever logged this contribution can withdraw it."),
    ONLY_COORDINATOR_RESOLVES(Outcome.NOT_PERMITTED, "Only a coordinator resolves disputes."),
    PARTY_CANNOT_RESOLVE(Outcome.NOT_PERMITTED,
            "You are part of this contribution, so another coordinator must resolve it."),
    ONLY_COORDINATOR_CORRECTS(Outcome.NOT_PERMITTED, "Only a coordinator can correct the ledger."),
    NOT_ORGANISATION_STAFF(Outcome.NOT_PERMITTED,
            "Only a coordinator, or staff of the organisation, can record or confirm its group activities."),
    NOT_COORDINATOR_OR_SUPPORTER(Outcome.NOT_PERMITTED,
            "You can log for someone else only as a coordinator or as a supporter they named."),

    // the request is not well formed
    CONTRIBUTION_ID_INVALID(Outcome.INVALID, "A contribution needs an id of at most {max} characters."),
    MINUTES_OUT_OF_RANGE(Outcome.INVALID, "A contribution lasts from 1 minute to 24 hours (1440 minutes)."),
    NOT_TO_ONESELF(Outcome.INVALID, "A contribution is time given by one person to someone else."),
    SIDE_NEEDED(Outcome.INVALID, "Say whether you gave or received this time."),
    NOT_YET_HAPPENED(Outcome.INVALID, "A contribution is logged once it has happened, not before."),
    DESCRIPTION_TOO_LONG(Outcome.INVALID, "A description is at most {max} characters."),
    NOTE_TOO_LONG(Outcome.INVALID, "A thank-you note is at most {max} characters."),
    REASON_NEEDED(Outcome.INVALID, "Say in a few words (at most {max} characters) what is not right."),
    CORRECTION_REASON_NEEDED(Outcome.INVALID, "A correction needs its reason, in at most {max} characters."),
    REGISTER_INVALID(Outcome.INVALID, "The register lists each attendee once, and at least one."),
    TRANSFER_ID_INVALID(Outcome.INVALID,
            "A transfer needs an id (at most {max} characters) so a retry cannot post it twice."),
    TRANSFER_MINUTES_OUT_OF_RANGE(Outcome.INVALID, "Transfer between 1 minute and 1000 hours."),

    // the same id for something else
    CONTRIBUTION_ID_REUSED(Outcome.CONFLICT, "This contribution id is already used for another contribution."),
    TRANSFER_ID_REUSED(Outcome.CONFLICT, "This transfer id is already used for another transfer."),

    // the rules of the timebank, or the state of things, refuse it now
    NOT_OPEN(Outcome.REFUSED, "This contribution is {state}; only a logged one can be {action}."),
    NOT_DISPUTED(Outcome.REFUSED, "Only a disputed contribution is resolved or rejected; this one is {state}."),
    KIND_NOT_USED(Outcome.REFUSED, "This timebank does not use the kind '{kind}'."),
    OLDER_THAN_WINDOW(Outcome.REFUSED,
            "This is older than {days} days, the window of this timebank; ask a coordinator."),
    GIVER_NOT_MEMBER(Outcome.REFUSED, "The giver must be a member of this timebank."),
    RECEIVER_UNKNOWN(Outcome.REFUSED, "The receiver must be a member or an organisation of this timebank."),
    ORGANISATION_TIME_IS_GROUP_ACTIVITY(Outcome.REFUSED, "An organisation's time is recorded as a group activity."),
    SUSPENDED_CANNOT_LOG(Outcome.REFUSED, "A suspended member cannot log time; a coordinator can reactivate them."),
    SUSPENDED_CANNOT_SPEND(Outcome.REFUSED, "A suspended member cannot spend or give hours."),
    ON_BEHALF_NOT_ALLOWED(Outcome.REFUSED, "This timebank does not allow logging on someone else's behalf."),
    CONSENT_NEEDED(Outcome.REFUSED, "Logging for someone else needs their consent; record that they agreed."),
    NO_AGREED_MATCH(Outcome.REFUSED, "There is no agreed match '{match}' between these two members."),
    NOT_AN_ORGANISATION(Outcome.REFUSED, "'{account}' is not an organisation of this timebank."),
    GIFT_TO_SELF_OR_UNKNOWN(Outcome.REFUSED, "Give to another member or to an organisation of this timebank."),
    REVERSAL_NOT_REVERSIBLE(Outcome.REFUSED, "A correction cannot itself be reversed; post a new transfer instead."),
    ATTENDEE_NOT_MEMBER(Outcome.REFUSED, "Attendee {attendee} is not a member of this timebank."),
    ATTENDEE_SUSPENDED(Outcome.REFUSED, "Attendee {attendee} is suspended."),
    ATTENDEE_REFUSED(Outcome.REFUSED, "Attendee {attendee}: {detail}"),
    // checkpoints of the hash chain
    NOTHING_TO_CHECKPOINT(Outcome.REFUSED, "This timebank's ledger has no entries yet, so there is nothing to checkpoint."),
    CHAIN_CHANGED_SINCE_CHECKPOINT(Outcome.CONFLICT, "The ledger no longer extends its last checkpoint (entry "
            + "{sequence}): {problem} No new checkpoint was signed. Verify the ledger against the checkpoints you kept."),
    CHECKPOINT_KEY_UNKNOWN(Outcome.REFUSED, "Checkpoint {index} was signed with key '{keyId}', which is not this "
            + "ledger's checkpoint key, so it cannot be checked here."),
    CHECKPOINT_SIGNATURE_INVALID(Outcome.REFUSED, "Checkpoint {index} (entry {sequence}) does not carry a valid "
            + "signature of this ledger: it was changed or not signed by the ledger. Nothing was verified."),
    CHECKPOINT_OF_ANOTHER_TIMEBANK(Outcome.REFUSED, "Checkpoint {index} is of timebank '{timebank}', not of this one."),
    LEDGER_BUSY(Outcome.UNAVAILABLE,
            "Another instance is writing this timebank's ledger. Nothing was changed; please try again in a moment."),
    TIMEBANK_EXISTS(Outcome.CONFLICT, "A timebank with the id '{timebank}' already exists."),
    ORGANISATION_ID_TAKEN(Outcome.CONFLICT, "This organisation id is taken."),
    BELOW_MINIMUM(Outcome.REFUSED, "This would take {whose} balance below {limit}, the limit of this timebank "
            + "(balance {balance}{pending})."),
    ABOVE_MAXIMUM(Outcome.REFUSED, "This would take {whose} balance above {limit}, the limit of this timebank "
            + "(balance {balance}).");

    private final Outcome outcome;
    private final String english;

    LedgerRefusal(Outcome outcome, String english) {
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
