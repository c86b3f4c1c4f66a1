package org.reciprocity.review.facts;

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
                          FactStore<TimebankFact> timebanks) {

    public static ReviewFacts inMemory() {
        return new ReviewFacts(new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(),
                new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(),
                new MemoryFactStore<>(), new MemoryFactStore<>());
    }

    /** How many writes the projections have made to the timebank's documents: unchanged means nothing changed. */
    public long changes(String timebankId) {
        return members.changes(timebankId) + postings.changes(timebankId) + transferMonths.changes(timebankId)
                + accounts.changes(timebankId) + contributions.changes(timebankId) + memberMonths.changes(timebankId)
                + openContributions.changes(timebankId) + reversals.changes(timebankId) + timebanks.changes(timebankId);
    }
}
