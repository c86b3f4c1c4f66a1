package org.reciprocity.review.facts;

/** The projections review-service keeps, each one collection of documents read by {@code _id}. */
public record ReviewFacts(FactStore<MemberFact> members, FactStore<PostingFact> postings,
                          FactStore<TransferMonthFact> transferMonths, FactStore<AccountFact> accounts,
                          FactStore<ContributionFact> contributions) {

    public static ReviewFacts inMemory() {
        return new ReviewFacts(new MemoryFactStore<>(), new MemoryFactStore<>(), new MemoryFactStore<>(),
                new MemoryFactStore<>(), new MemoryFactStore<>());
    }
}
