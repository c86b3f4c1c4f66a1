package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.YearMonth;

import org.reciprocity.contracts.ledger.TransferReason;

/**
 * One ledger entry ({@code TransferPosted}), keyed {@code <timebank>|<yyyy-MM>|<transfer>} so a
 * period's entries are one {@code _id} range. An entry never changes: merging two copies keeps one.
 *
 * @param debitAccountId  for a contribution, the receiver
 * @param creditAccountId for a contribution, the giver
 */
public record PostingFact(String timebankId, String transferId, Instant at, String debitAccountId,
                          String creditAccountId, long minutes, TransferReason reason, String contributionId,
                          String reversesTransferId, long sequence) implements Fact<PostingFact> {

    public YearMonth month() {
        return Keys.monthOf(at);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, month(), transferId);
    }

    @Override
    public PostingFact merge(PostingFact other) {
        return this;
    }

    public boolean involves(String accountId) {
        return debitAccountId.equals(accountId) || creditAccountId.equals(accountId);
    }
}
