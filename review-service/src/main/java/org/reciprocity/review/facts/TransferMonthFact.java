package org.reciprocity.review.facts;

import java.time.YearMonth;

/**
 * In which month a transfer was posted, keyed {@code <timebank>|<transfer>}: how a reversal finds
 * the entry it reverses (whose key holds its month) by {@code _id}.
 */
public record TransferMonthFact(String timebankId, String transferId, YearMonth month) implements Fact<TransferMonthFact> {

    @Override
    public String id() {
        return Keys.of(timebankId, transferId);
    }

    @Override
    public TransferMonthFact merge(TransferMonthFact other) {
        return this;
    }

    public String postingId() {
        return Keys.of(timebankId, month, transferId);
    }
}
