package org.reciprocity.contracts;

import static org.reciprocity.contracts.Topics.LEDGER;

import java.util.List;

import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.contribution.GroupActivityRecorded;
import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.contracts.ledger.ChainVerified;
import org.reciprocity.contracts.ledger.HoursGifted;
import org.reciprocity.contracts.ledger.HoursRedeemed;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.contracts.timebank.TimebankOpened;

/** The topics ledger-service publishes and the event types on them. */
public final class LedgerContracts {

    public static final Topic TIMEBANKS = new Topic(Topics.TIMEBANKS_TOPIC, "timebankId", 3, null, LEDGER,
            "Timebanks opened and their policy changes.");
    public static final Topic MEMBERS = new Topic(Topics.MEMBERS_TOPIC, "memberId", 6, null, LEDGER,
            "Members registered, their details changed, suspended, reactivated. Kept for ever: review-service"
                    + " rebuilds its read models from the start.");
    public static final Topic CONTRIBUTIONS = new Topic(Topics.CONTRIBUTIONS_TOPIC, "contributionId", 6, null, LEDGER,
            "The lifecycle of each contribution, in order per contribution. Kept for ever: review-service"
                    + " rebuilds its read models from the start.");
    public static final Topic LEDGER_ENTRIES = new Topic(Topics.LEDGER_TOPIC, "timebankId", 6, null, LEDGER,
            "Posted transfers, reversals, redemptions, gifts and balance warnings, in ledger order per timebank."
                    + " Kept for ever: review-service rebuilds its read models from the start.");

    /** Kept for ever: a checkpoint is worth most long after it was taken. */
    public static final Topic CHECKPOINTS = new Topic(Topics.LEDGER_CHECKPOINTS_TOPIC, "timebankId", 3, null, LEDGER,
            "Signed checkpoints of each timebank's hash chain, for anyone to keep and verify the ledger against later,"
                    + " and the outcome of each verification of the chain.");

    static final List<Topic> TOPICS = List.of(TIMEBANKS, MEMBERS, CONTRIBUTIONS, LEDGER_ENTRIES, CHECKPOINTS);

    static final List<EventType> TYPES = List.of(
            new EventType("reciprocity.TimebankOpened.v1", TimebankOpened.class, TIMEBANKS),
            new EventType("reciprocity.RetentionPolicyChanged.v1", RetentionPolicyChanged.class, TIMEBANKS),
            new EventType("reciprocity.MemberRegistered.v1", MemberRegistered.class, MEMBERS),
            new EventType("reciprocity.MemberSuspended.v1", MemberSuspended.class, MEMBERS),
            new EventType("reciprocity.MemberReactivated.v1", MemberReactivated.class, MEMBERS),
            new EventType("reciprocity.MemberDetailsChanged.v1", MemberDetailsChanged.class, MEMBERS),
            new EventType("reciprocity.MemberErased.v1", MemberErased.class, MEMBERS),
            new EventType("reciprocity.ContributionLogged.v1", ContributionLogged.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionValidated.v1", ContributionValidated.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionDisputed.v1", ContributionDisputed.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionResolved.v1", ContributionResolved.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionRejected.v1", ContributionRejected.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionWithdrawn.v1", ContributionWithdrawn.class, CONTRIBUTIONS),
            new EventType("reciprocity.ContributionExpired.v1", ContributionExpired.class, CONTRIBUTIONS),
            new EventType("reciprocity.ValidationReminderDue.v1", ValidationReminderDue.class, CONTRIBUTIONS),
            new EventType("reciprocity.GroupActivityRecorded.v1", GroupActivityRecorded.class, CONTRIBUTIONS),
            new EventType("reciprocity.TransferPosted.v1", TransferPosted.class, LEDGER_ENTRIES),
            new EventType("reciprocity.TransferReversed.v1", TransferReversed.class, LEDGER_ENTRIES),
            new EventType("reciprocity.HoursRedeemed.v1", HoursRedeemed.class, LEDGER_ENTRIES),
            new EventType("reciprocity.HoursGifted.v1", HoursGifted.class, LEDGER_ENTRIES),
            new EventType("reciprocity.SoftLimitCrossed.v1", SoftLimitCrossed.class, LEDGER_ENTRIES),
            new EventType("reciprocity.ChainCheckpointed.v1", ChainCheckpointed.class, CHECKPOINTS),
            new EventType("reciprocity.ChainVerified.v1", ChainVerified.class, CHECKPOINTS));

    private LedgerContracts() {
    }
}
