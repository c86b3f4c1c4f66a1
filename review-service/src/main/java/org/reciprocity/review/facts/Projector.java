package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.review.facts.ContributionFact.Logged;
import org.reciprocity.review.facts.ContributionFact.Status;

/**
 * Folds events into the projections, a batch at a time: each event becomes the facts it states,
 * merged in memory with the batch's other facts about the same document; then each projection is
 * read once (one {@code $in}) and written once (one bulk write of conditional single-document
 * writes). No event id needs remembering, because merging is idempotent and order-free
 * ({@link Fact}): a batch delivered twice, or batches in another order, give the same documents.
 *
 * <p>The aggregates the review reads are kept from the merged facts, never from one event alone:
 * an account's month ({@link MemberMonthFact}) from the ledger's entries, pairing a reversal with
 * the entry it reverses whichever of the two comes first (the second finds the first by
 * {@code _id}); an account's contributions ({@link OpenContributionsFact}) from the contributions'
 * merged states, which know both sides once {@code ContributionLogged} is seen. The ledger's entries
 * of a timebank come in order on one partition, read by one consumer at a time, so the second of a
 * pair is folded after the first is written.
 *
 * <p>Events not folded, and why: {@code TransferReversed}, {@code HoursRedeemed} and
 * {@code HoursGifted} each come with their own {@code TransferPosted}, which carries all the
 * figures need; {@code GroupActivityRecorded}'s attendances are each a {@code ContributionLogged}
 * carrying its kind; reminders change nothing a figure counts; {@code MemberRegistered} and
 * {@code MemberDetailsChanged} carry no name or kind any more (they travel on the details topic,
 * {@code MemberDetailsRecorded}, the only source of both); {@code MemberErased} and an erased details
 * record start the erasure ({@code erasure/ReviewErasure}), not a fold.
 *
 * <p>Erased members: every batch is forgotten ({@link Fact#forget}) before it is written, so an event
 * of an erased member read after the erasure, or in a rebuild, lands as the erasure left the rest.
 */
public final class Projector {

    private final ReviewFacts facts;

    public Projector(ReviewFacts facts) {
        this.facts = facts;
    }

    /** Whether the event is one the projections fold (others are skipped without a write). */
    public static boolean folds(DomainEvent event) {
        return (event instanceof MemberDetailsRecorded d && !d.erased())
                || event instanceof MemberSuspended || event instanceof MemberReactivated
                || event instanceof ContributionLogged || event instanceof ContributionValidated
                || event instanceof ContributionDisputed || event instanceof ContributionResolved
                || event instanceof ContributionRejected || event instanceof ContributionWithdrawn
                || event instanceof ContributionExpired || event instanceof TransferPosted
                || event instanceof SoftLimitCrossed || event instanceof TimebankOpened;
    }

    public void apply(DomainEvent event) {
        applyAll(List.of(event));
    }

    /** Folds a batch: one read and one write per projection it touches. */
    public void applyAll(Collection<? extends DomainEvent> events) {
        Batch batch = new Batch();
        for (DomainEvent event : events) {
            if (folds(event)) {
                batch.take(event);
            }
        }
        facts.erasures().refresh();
        batch.forget(facts.erasures());
        if (!batch.timebanks.all().isEmpty()) {
            facts.timebanks().mergeAll(batch.timebanks.all());
        }
        if (!batch.members.all().isEmpty()) {
            facts.members().mergeAll(batch.members.all());
        }
        if (!batch.contributions.all().isEmpty()) {
            List<ContributionFact> contributions = facts.contributions().mergeAll(batch.contributions.all());
            facts.openContributions().mergeAll(open(contributions));
        }
        if (!batch.accounts.all().isEmpty()) {
            facts.accounts().mergeAll(batch.accounts.all());
        }
        List<PostingFact> postings = batch.postings.all();
        if (!postings.isEmpty()) {
            facts.postings().mergeAll(postings);
            facts.transferMonths().mergeAll(batch.transferMonths.all());
            List<ReversalsFact> reversals = new ArrayList<>();
            for (PostingFact p : postings) {
                if (p.reason() == TransferReason.REVERSAL && p.reversesTransferId() != null) {
                    reversals.add(new ReversalsFact(p.timebankId(), p.reversesTransferId(),
                            Map.of(p.transferId(), new ReversalsFact.Reversal(p.at(), p.minutes()))));
                }
            }
            if (!reversals.isEmpty()) {
                facts.reversals().mergeAll(reversals);
            }
            facts.memberMonths().mergeAll(memberMonths(postings));
        }
    }

    /** The facts of one batch, merged in memory before anything is read or written. */
    private static final class Batch {
        final MemoryFactStore<MemberFact> members = new MemoryFactStore<>();
        final MemoryFactStore<ContributionFact> contributions = new MemoryFactStore<>();
        final MemoryFactStore<AccountFact> accounts = new MemoryFactStore<>();
        final MemoryFactStore<PostingFact> postings = new MemoryFactStore<>();
        final MemoryFactStore<TransferMonthFact> transferMonths = new MemoryFactStore<>();
        final MemoryFactStore<TimebankFact> timebanks = new MemoryFactStore<>();

        /**
         * Replaces erased members' ids in what the batch says, and drops their own documents, as the
         * erasure did to what was stored: a rebuild, or an event of theirs read late, gives the same.
         */
        void forget(Erasures erasures) {
            for (MemoryFactStore<?> store : List.of(members, contributions, accounts, postings, transferMonths,
                    timebanks)) {
                for (String tb : store.all().stream().map(f -> Keys.timebankOf(f.id())).distinct().toList()) {
                    store.forget(tb, erasures.in(tb));
                }
            }
        }

        void take(DomainEvent event) {
            // one instance of each id however many facts hold it: a backlog's facts wait in memory until written
            String tb = event.timebankId().intern();
            if (event instanceof MemberDetailsRecorded e) {
                members.merge(MemberFact.details(tb, e.memberId(), e.version(), e.displayName(), e.kinds().stream()
                        .map(k -> new MemberFact.KindSince(k.since(), PartyKind.of(k.kind()))).toList()));
            } else if (event instanceof MemberSuspended e) {
                members.merge(MemberFact.status(tb, e.memberId(), e.occurredAt(), true));
            } else if (event instanceof MemberReactivated e) {
                members.merge(MemberFact.status(tb, e.memberId(), e.occurredAt(), false));
            } else if (event instanceof ContributionLogged e) {
                contributions.merge(new ContributionFact(tb, e.contributionId(),
                        new Logged(e.giverAccountId().intern(), e.receiverAccountId().intern(), e.awaitingValidationBy(), e.minutes(),
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
                PostingFact posting = new PostingFact(tb, e.transferId(), e.occurredAt(), e.debitAccountId().intern(),
                        e.creditAccountId().intern(), e.minutes(), e.reason(), e.contributionId(), e.reversesTransferId(),
                        e.sequence());
                postings.merge(posting);
                transferMonths.merge(new TransferMonthFact(tb, e.transferId(), posting.month()));
                accounts.merge(AccountFact.balance(tb, e.debitAccountId(), e.sequence(), e.debitBalanceAfter()));
                accounts.merge(AccountFact.balance(tb, e.creditAccountId(), e.sequence(), e.creditBalanceAfter()));
            } else if (event instanceof SoftLimitCrossed e) {
                accounts.merge(AccountFact.warning(tb, e.accountId(), e.occurredAt(), e.direction(), e.threshold()));
            } else if (event instanceof TimebankOpened e) {
                timebanks.merge(new TimebankFact(tb, e.zoneId(), e.occurredAt()));
            }
        }

        private void status(String tb, String contributionId, Status status, DomainEvent event) {
            contributions.merge(new ContributionFact(tb, contributionId, null, status, event.occurredAt()));
        }
    }

    /** Each side's entry for every contribution whose sides are known, in the state it has reached. */
    private static List<OpenContributionsFact> open(List<ContributionFact> contributions) {
        List<OpenContributionsFact> open = new ArrayList<>();
        for (ContributionFact c : contributions) {
            if (c.logged() == null) {
                continue;
            }
            Map<String, OpenContributionsFact.Entry> entry = Map.of(c.contributionId(),
                    new OpenContributionsFact.Entry(c.logged().loggedAt(), c.status()));
            if (!Keys.ERASED.equals(c.logged().giverAccountId())) {
                open.add(new OpenContributionsFact(c.timebankId(), c.logged().giverAccountId(), entry));
            }
            if (!c.logged().receiverAccountId().equals(c.logged().giverAccountId())
                    && !Keys.ERASED.equals(c.logged().receiverAccountId())) {
                open.add(new OpenContributionsFact(c.timebankId(), c.logged().receiverAccountId(), entry));
            }
        }
        return open;
    }

    /**
     * Each account's entries for the batch's ledger entries: every entry is activity for its two
     * accounts; a contribution's entry, and the reversal of one, is also time given by the
     * original's credit side to its debit side (negative for the reversal), in the month of the
     * entry. A reversal finds its original in the batch or by {@code _id}; an original finds the
     * reversals folded before it by {@code _id}.
     */
    private List<MemberMonthFact> memberMonths(List<PostingFact> postings) {
        Map<String, PostingFact> originals = new HashMap<>();
        postings.forEach(p -> originals.put(Keys.of(p.timebankId(), p.transferId()), p));
        Set<String> missing = new HashSet<>();
        Set<String> contributionIds = new HashSet<>();
        for (PostingFact p : postings) {
            if (p.reason() == TransferReason.REVERSAL && p.reversesTransferId() != null
                    && !originals.containsKey(Keys.of(p.timebankId(), p.reversesTransferId()))) {
                missing.add(Keys.of(p.timebankId(), p.reversesTransferId()));
            }
            if (flowOriginal(p)) {
                contributionIds.add(Keys.of(p.timebankId(), p.transferId()));
            }
        }
        if (!missing.isEmpty()) {
            List<String> postingIds = facts.transferMonths().findAll(missing).stream().map(TransferMonthFact::postingId)
                    .toList();
            facts.postings().findAll(postingIds).forEach(p -> originals.put(Keys.of(p.timebankId(), p.transferId()), p));
        }
        Map<String, ReversalsFact> reversalsOf = new HashMap<>();
        if (!contributionIds.isEmpty()) {
            facts.reversals().findAll(contributionIds).forEach(r -> reversalsOf.put(r.id(), r));
        }
        MemoryFactStore<MemberMonthFact> months = new MemoryFactStore<>();
        for (PostingFact p : postings) {
            String tb = p.timebankId();
            activity(months, tb, p, p.debitAccountId());
            activity(months, tb, p, p.creditAccountId());
            if (flowOriginal(p)) {
                flow(months, p, p.transferId(), p.at(), p.minutes());
                ReversalsFact reversals = reversalsOf.get(Keys.of(tb, p.transferId()));
                if (reversals != null) {
                    reversals.reversals().forEach((id, r) -> flow(months, p, id, r.at(), -r.minutes()));
                }
            } else if (p.reason() == TransferReason.REVERSAL && p.reversesTransferId() != null) {
                PostingFact original = originals.get(Keys.of(tb, p.reversesTransferId()));
                if (original != null && flowOriginal(original)) {
                    flow(months, original, p.transferId(), p.at(), -p.minutes());
                }
            }
        }
        return months.all();
    }

    private static void activity(MemoryFactStore<MemberMonthFact> months, String tb, PostingFact p, String account) {
        if (!Keys.ERASED.equals(account)) {
            months.merge(MemberMonthFact.of(tb, p.at(), account, p.transferId(), MemberMonthFact.Entry.activity(p.at())));
        }
    }

    /** Whether the entry is time given: a contribution's transfer (what a reversal of it takes back). */
    private static boolean flowOriginal(PostingFact p) {
        return p.reason() == TransferReason.CONTRIBUTION && p.contributionId() != null;
    }

    private static void flow(MemoryFactStore<MemberMonthFact> months, PostingFact original, String transferId,
                             java.time.Instant at, long minutes) {
        String tb = original.timebankId();
        String giver = original.creditAccountId();
        String receiver = original.debitAccountId();
        if (giver.equals(receiver)) {
            if (Keys.ERASED.equals(giver)) {
                return;
            }
            months.merge(MemberMonthFact.of(tb, at, giver, transferId,
                    new MemberMonthFact.Entry(at, true, minutes, minutes, receiver)));
            return;
        }
        // an erased side has no months: the other side's entry names it ERASED
        if (!Keys.ERASED.equals(giver)) {
            months.merge(MemberMonthFact.of(tb, at, giver, transferId,
                    new MemberMonthFact.Entry(at, true, minutes, 0, receiver)));
        }
        if (!Keys.ERASED.equals(receiver)) {
            months.merge(MemberMonthFact.of(tb, at, receiver, transferId,
                    new MemberMonthFact.Entry(at, true, 0, minutes, giver)));
        }
    }
}
