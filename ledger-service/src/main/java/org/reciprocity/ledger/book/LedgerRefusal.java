package org.reciprocity.ledger.book;

import org.reciprocity.kit.problem.Outcome;
import org.reciprocity.kit.problem.Reason;

/**
 * Every reason the ledger refuses a command, as a table: the code a program reads (the constant's
 * name in kebab case), what kind of refusal it is, (the words are in LedgerRefusal.properties, English, and _fr). A refusal
 * changes nothing, and never tells its reader another member's private facts.
 */
public enum LedgerRefusal implements Reason {
    // what the command names does not exist
    NO_TIMEBANK(Outcome.NOT_FOUND),
    NO_MEMBER(Outcome.NOT_FOUND),
    NO_CONTRIBUTION(Outcome.NOT_FOUND),
    NO_TRANSFER(Outcome.NOT_FOUND),
    NO_ACTIVITY(Outcome.NOT_FOUND),

    // who may: the caller is not the person this is for
    LOGGER_CANNOT_CONFIRM(Outcome.NOT_PERMITTED),
    NOT_THE_COUNTERPART(Outcome.NOT_PERMITTED),
    ONLY_COUNTERPART_DISPUTES(Outcome.NOT_PERMITTED),
    ONLY_LOGGER_WITHDRAWS(Outcome.NOT_PERMITTED),
    ONLY_COORDINATOR_RESOLVES(Outcome.NOT_PERMITTED),
    PARTY_CANNOT_RESOLVE(Outcome.NOT_PERMITTED),
    ONLY_COORDINATOR_CORRECTS(Outcome.NOT_PERMITTED),
    NOT_ORGANISATION_STAFF(Outcome.NOT_PERMITTED),
    NOT_COORDINATOR_OR_SUPPORTER(Outcome.NOT_PERMITTED),

    // the request is not well formed
    CONTRIBUTION_ID_INVALID(Outcome.INVALID),
    MINUTES_OUT_OF_RANGE(Outcome.INVALID),
    NOT_TO_ONESELF(Outcome.INVALID),
    SIDE_NEEDED(Outcome.INVALID),
    NOT_YET_HAPPENED(Outcome.INVALID),
    DESCRIPTION_TOO_LONG(Outcome.INVALID),
    NOTE_TOO_LONG(Outcome.INVALID),
    REASON_NEEDED(Outcome.INVALID),
    CORRECTION_REASON_NEEDED(Outcome.INVALID),
    REGISTER_INVALID(Outcome.INVALID),
    TRANSFER_ID_INVALID(Outcome.INVALID),
    TRANSFER_MINUTES_OUT_OF_RANGE(Outcome.INVALID),

    // the same id for something else
    CONTRIBUTION_ID_REUSED(Outcome.CONFLICT),
    TRANSFER_ID_REUSED(Outcome.CONFLICT),

    // the rules of the timebank, or the state of things, refuse it now
    NOT_OPEN(Outcome.REFUSED),
    NOT_DISPUTED(Outcome.REFUSED),
    KIND_NOT_USED(Outcome.REFUSED),
    OLDER_THAN_WINDOW(Outcome.REFUSED),
    GIVER_NOT_MEMBER(Outcome.REFUSED),
    RECEIVER_UNKNOWN(Outcome.REFUSED),
    ORGANISATION_TIME_IS_GROUP_ACTIVITY(Outcome.REFUSED),
    SUSPENDED_CANNOT_LOG(Outcome.REFUSED),
    SUSPENDED_CANNOT_SPEND(Outcome.REFUSED),
    ON_BEHALF_NOT_ALLOWED(Outcome.REFUSED),
    CONSENT_NEEDED(Outcome.REFUSED),
    NO_AGREED_MATCH(Outcome.REFUSED),
    NOT_AN_ORGANISATION(Outcome.REFUSED),
    GIFT_TO_SELF_OR_UNKNOWN(Outcome.REFUSED),
    REVERSAL_NOT_REVERSIBLE(Outcome.REFUSED),
    ATTENDEE_NOT_MEMBER(Outcome.REFUSED),
    ATTENDEE_SUSPENDED(Outcome.REFUSED),
    ATTENDEE_REFUSED(Outcome.REFUSED),
    // checkpoints of the hash chain
    NOTHING_TO_CHECKPOINT(Outcome.REFUSED),
    CHAIN_CHANGED_SINCE_CHECKPOINT(Outcome.CONFLICT),
    CHECKPOINT_KEY_UNKNOWN(Outcome.REFUSED),
    CHECKPOINT_SIGNATURE_INVALID(Outcome.REFUSED),
    CHECKPOINT_OF_ANOTHER_TIMEBANK(Outcome.REFUSED),
    LEDGER_BUSY(Outcome.UNAVAILABLE),
    // the scheduled verification of the chain (integrity)
    NOT_VERIFIED_YET(Outcome.NOT_FOUND),
    VERIFICATION_RUNNING(Outcome.CONFLICT),
    TIMEBANK_EXISTS(Outcome.CONFLICT),
    ORGANISATION_ID_TAKEN(Outcome.CONFLICT),
    // limits and status: the figures go only to the account's owner or a coordinator (Ledger.Actor.maySeeFiguresOf)
    BELOW_MINIMUM(Outcome.REFUSED),
    ABOVE_MAXIMUM(Outcome.REFUSED),
    /** What anyone else is told when another member's balance or status refuses it: no figure, no status. */
    OTHER_PARTY_CANNOT_TAKE_THIS(Outcome.REFUSED);

    private final Outcome outcome;

    LedgerRefusal(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
