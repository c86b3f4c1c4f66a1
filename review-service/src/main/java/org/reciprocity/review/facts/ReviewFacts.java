package org.reciprocity.review.facts;

import java.util.List;

/**
 * The projections review-service keeps, each one collection of documents read by {@code _id}: the
 * facts as the events state them (members, postings, transfer months, accounts, contributions) and
 * the aggregates kept from them for the review's reads (each account's months, each account's
 * contributions and their states, each transfer's reversals); and each timebank's zone.
 */
public record ReviewFacts(FactStore<MemberFact> members, FactStore<PostingFact> postings,
                          FactStore<TransferMonthFact> transferMonths, FactStore<AccountFact> accounts,
                          FactStore<ContributionFact> contributions, FactStore<MemberMonthFact> memberMonths,
                          FactStore<OpenContributionsFact> openContributions, FactStore<ReversalsFact> reversals,
                          FactStore<TimebankFact> timebanks, Erasures erasures) {

    public static ReviewFacts inMemory() {
        return inMemory(new MemoryErasures());
    }

    /** In memory, with erasures that outlive it (a rebuild keeps them). */
    public static ReviewFacts inMemory(Erasures erasures) {
        return new ReviewFacts(new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(),
                new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(),
                new MemoryFactStore<>(), new MemoryFactStore<>(), erasures);
    }

    /** Every projection (not the erasures). */
    public List<FactStore<?>> stores() {
        return List.of(members, postings, transferMonths, accounts, contributions, memberMonths, openContributions,
                reversals, timebanks);
    }

    /** Forgets erased members in every projection of the timebank ({@link Fact#forget}); repeatable. */
    public void forget(String timebankId) {
        java.util.function.Predicate<String> erased = erasures.in(timebankId);
        for (FactStore<?> store : stores()) {
            store.forget(timebankId, erased);
        }
    }

    /** Writes every projection's held-back merges; the fold acknowledges the topics' offsets only after it. */
    public void flush() {
        erasures.refresh();
        stores().forEach(store -> store.flush(erasures::in));
    }

    /** Facts held back by the projections' write-back caches. */
    public long cached() {
        return stores().stream().mapToLong(FactStore::cached).sum();
    }

    /** The projections' collections by the names {@code Projections} gives them (what an erasure reports). */
    public static final List<String> COLLECTIONS = List.of("members", "postings", "transfer_months", "accounts",
            "contributions", "member_months", "open_contributions", "reversals", "timebanks");

    /** How many writes the projections have made to the timebank's documents: unchanged means nothing changed. */
    public long changes(String timebankId) {
        return members.changes(timebankId) + postings.changes(timebankId) + transferMonths.changes(timebankId)
                + accounts.changes(timebankId) + contributions.changes(timebankId) + memberMonths.changes(timebankId)
                + openContributions.changes(timebankId) + reversals.changes(timebankId) + timebanks.changes(timebankId)
                + erasures.changes(timebankId);
    }
}
