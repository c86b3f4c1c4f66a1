package org.reciprocity.review.facts;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.review.facts.ContributionFact.Logged;
import org.reciprocity.review.facts.ContributionFact.Status;

/**
 * Folds one event into the projections: each event becomes the facts it states, merged into their
 * documents. Nothing is read first and no event id needs remembering, because merging is idempotent
 * and order-free ({@link Fact}).
 *
 * <p>Events not folded, and why: {@code TransferReversed}, {@code HoursRedeemed} and
 * {@code HoursGifted} each come with their own {@code TransferPosted}, which carries all the
 * figures need; {@code GroupActivityRecorded}'s attendances are each a {@code ContributionLogged}
 * carrying its kind; reminders change nothing a figure counts.
 */
public final class Projector {

    private final ReviewFacts facts;

    public Projector(ReviewFacts facts) {
        this.facts = facts;
    }

    /** Whether the event is one the projections fold (others are skipped without a write). */
    public static boolean folds(DomainEvent event) {
        return event instanceof MemberRegistered || event instanceof MemberDetailsChanged
                || event instanceof MemberSuspended || event instanceof MemberReactivated
                || event instanceof ContributionLogged || event instanceof ContributionValidated
                || event instanceof ContributionDisputed || event instanceof ContributionResolved
                || event instanceof ContributionRejected || event instanceof ContributionWithdrawn
                || event instanceof ContributionExpired || event instanceof TransferPosted
                || event instanceof SoftLimitCrossed;
    }

    public void apply(DomainEvent event) {
        String tb = event.timebankId();
        if (event instanceof MemberRegistered e) {
            facts.members().merge(
                    MemberFact.registered(tb, e.memberId(), PartyKind.of(e.kind()), e.displayName(), e.occurredAt()));
        } else if (event instanceof MemberDetailsChanged e) {
            facts.members().merge(MemberFact.changed(tb, e.memberId(), e.version(), PartyKind.of(e.kind()),
                    e.displayName(), e.occurredAt()));
        } else if (event instanceof MemberSuspended e) {
            facts.members().merge(MemberFact.status(tb, e.memberId(), e.occurredAt(), true));
        } else if (event instanceof MemberReactivated e) {
            facts.members().merge(MemberFact.status(tb, e.memberId(), e.occurredAt(), false));
        } else if (event instanceof ContributionLogged e) {
            facts.contributions().merge(new ContributionFact(tb, e.contributionId(),
                    new Logged(e.giverAccountId(), e.receiverAccountId(), e.awaitingValidationBy(), e.minutes(),
                            e.happenedOn(), e.kind(), e.occurredAt(), e.groupActivityId()),
                    Status.LOGGED, e.occurredAt()));
        } else if (event instanceof ContributionDisputed e) {
            status(tb, e.contributionId(), Status.DISPUTED, e);
        } else if (event instanceof ContributionValidated e) {
            status(tb, e.contributionId(), Status.VALIDATED, e);
        } else if (event instanceof ContributionResolved e) {
            status(tb, e.contributionId(), Status.RESOLVED, e);
        } else if (event instanceof ContributionRejected e) {
            status(tb, e.contributionId(), Status.REJECTED, e);
        } else if (event instanceof ContributionWithdrawn e) {
            status(tb, e.contributionId(), Status.WITHDRAWN, e);
        } else if (event instanceof ContributionExpired e) {
            status(tb, e.contributionId(), Status.EXPIRED, e);
        } else if (event instanceof TransferPosted e) {
            posted(e);
        } else if (event instanceof SoftLimitCrossed e) {
            facts.accounts().merge(AccountFact.warning(tb, e.accountId(), e.occurredAt(), e.direction(), e.threshold()));
        }
    }

    private void status(String tb, String contributionId, Status status, DomainEvent event) {
        facts.contributions().merge(new ContributionFact(tb, contributionId, null, status, event.occurredAt()));
    }

    private void posted(TransferPosted e) {
        String tb = e.timebankId();
        PostingFact posting = new PostingFact(tb, e.transferId(), e.occurredAt(), e.debitAccountId(),
                e.creditAccountId(), e.minutes(), e.reason(), e.contributionId(), e.reversesTransferId(), e.sequence());
        facts.postings().merge(posting);
        facts.transferMonths().merge(new TransferMonthFact(tb, e.transferId(), posting.month()));
        facts.accounts().merge(AccountFact.balance(tb, e.debitAccountId(), e.sequence(), e.debitBalanceAfter()));
        facts.accounts().merge(AccountFact.balance(tb, e.creditAccountId(), e.sequence(), e.creditBalanceAfter()));
    }
}
