package org.reciprocity.review.facts;

import java.time.Instant;

/**
 * An account's balance and its latest balance warning, keyed {@code <timebank>|<account>}. The
 * balance is the one after the account's entry of highest ledger sequence, whatever order the
 * entries arrive in; the warning is the latest {@code SoftLimitCrossed}.
 *
 * @param sequence  the ledger sequence the balance is after; 0 when no entry has been seen
 * @param warnedAt  when the latest warning happened, or {@code null}
 * @param direction {@code LOW} or {@code HIGH}
 * @param threshold the warning threshold it crossed
 */
public record AccountFact(String timebankId, String accountId, long sequence, long balance, Instant warnedAt,
                          String direction, long threshold) implements Fact<AccountFact> {

    public static AccountFact balance(String timebankId, String accountId, long sequence, long balance) {
        return new AccountFact(timebankId, accountId, sequence, balance, null, null, 0);
    }

    public static AccountFact warning(String timebankId, String accountId, Instant at, String direction, long threshold) {
        return new AccountFact(timebankId, accountId, 0, 0, at, direction, threshold);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, accountId);
    }

    @Override
    public AccountFact merge(AccountFact other) {
        AccountFact balance = other.sequence > sequence ? other : this;
        boolean otherWarning = other.warnedAt != null && (warnedAt == null || other.warnedAt.isAfter(warnedAt)
                || (other.warnedAt.equals(warnedAt) && other.direction.compareTo(direction) < 0));
        AccountFact warning = otherWarning ? other : this;
        return new AccountFact(timebankId, accountId, balance.sequence, balance.balance, warning.warnedAt,
                warning.direction, warning.threshold);
    }

    @Override
    public AccountFact forget(java.util.function.Predicate<String> erased) {
        return erased.test(accountId) ? null : this;
    }

    /** Whether the balance is still past the threshold of its latest warning: near a limit now. */
    public boolean nearLimit() {
        if (warnedAt == null) {
            return false;
        }
        return "LOW".equals(direction) ? balance <= threshold : balance >= threshold;
    }
}
