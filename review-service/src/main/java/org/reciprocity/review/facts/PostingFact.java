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

    /** An erased side becomes {@link Keys#ERASED}: the other side's months still count the entry. */
    @Override
    public PostingFact forget(java.util.function.Predicate<String> erased) {
        if (!erased.test(debitAccountId) && !erased.test(creditAccountId)) {
            return this;
        }
        return new PostingFact(timebankId, transferId, at, Keys.forget(debitAccountId, erased),
                Keys.forget(creditAccountId, erased), minutes, reason, contributionId, reversesTransferId, sequence);
    }

    /** Whether a side is an erased member: its flow is counted in the anonymous erased figures instead. */
    public boolean erasedSide() {
        return Keys.ERASED.equals(debitAccountId) || Keys.ERASED.equals(creditAccountId);
    }

    public boolean involves(String accountId) {
        return debitAccountId.equals(accountId) || creditAccountId.equals(accountId);
    }
}
