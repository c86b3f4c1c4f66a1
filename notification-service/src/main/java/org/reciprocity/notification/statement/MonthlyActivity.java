package org.reciprocity.notification.statement;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.notification.message.Notices;

/**
 * What one member's account did in one month, built from the ledger's posted transfers: minutes
 * given and received through validated contributions, how many contributions were validated, and
 * the balance after the month's last transfer. Each transfer is counted once, whatever order
 * they arrive in: the ledger publishes them in order, but a retried publish can bring one after
 * later ones. The balance at the end is the one after the highest sequence counted.
 *
 * @param lastSequence the highest ledger sequence counted, 0 when none
 * @param counted      the ledger sequences counted (a member's month holds a few dozen)
 */
public record MonthlyActivity(String memberId, String timebankId, YearMonth month, long minutesGiven,
                              long minutesReceived, int contributionsValidated, long balanceAtEnd, long lastSequence,
                              List<Long> counted) {

    public MonthlyActivity {
        counted = List.copyOf(counted);
    }

    public static MonthlyActivity none(String memberId, String timebankId, YearMonth month) {
        return new MonthlyActivity(memberId, timebankId, month, 0, 0, 0, 0, 0, List.of());
    }

    /**
     * This month after one more transfer of the member's account. Redemptions, gifts and
     * corrections move the balance but are not time given or received together.
     */
    public MonthlyActivity with(TransferPosted transfer) {
        if (counted.contains(transfer.sequence())) {
            return this;
        }
        boolean credited = memberId.equals(transfer.creditAccountId());
        boolean debited = memberId.equals(transfer.debitAccountId());
        if (!credited && !debited) {
            throw new IllegalArgumentException("transfer " + transfer.transferId() + " does not touch " + memberId);
        }
        boolean contribution = transfer.reason() == TransferReason.CONTRIBUTION;
        long given = minutesGiven + (contribution && credited ? transfer.minutes() : 0);
        long received = minutesReceived + (contribution && debited ? transfer.minutes() : 0);
        boolean latest = transfer.sequence() > lastSequence;
        long balance = !latest ? balanceAtEnd : credited ? transfer.creditBalanceAfter() : transfer.debitBalanceAfter();
        List<Long> nowCounted = new ArrayList<>(counted);
        nowCounted.add(transfer.sequence());
        return new MonthlyActivity(memberId, timebankId, month, given, received,
                contributionsValidated + (contribution ? 1 : 0), balance, Math.max(lastSequence, transfer.sequence()),
                nowCounted);
    }

    public boolean hadActivity() {
        return !counted.isEmpty();
    }

    /** The facts of the statement message; the words are chosen when it is shown. */
    public Map<String, String> statementParams() {
        return Notices.params(Notices.MONTH, month, Notices.GIVEN, minutesGiven, Notices.RECEIVED, minutesReceived,
                Notices.VALIDATED, contributionsValidated, Notices.BALANCE, balanceAtEnd);
    }
}
