package org.reciprocity.notification.statement;

import java.time.YearMonth;
import java.util.Map;

import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.notification.message.Notices;

/**
 * What one member's account did in one month, built from the ledger's posted transfers: minutes
 * given and received through validated contributions, how many contributions were validated, and
 * the balance after the month's last transfer. Transfers of a timebank arrive in ledger order
 * ({@code sequence}), so one already counted, or an older one replayed, changes nothing.
 *
 * @param lastSequence the ledger sequence of the last transfer counted, 0 when none
 */
public record MonthlyActivity(String memberId, String timebankId, YearMonth month, long minutesGiven,
                              long minutesReceived, int contributionsValidated, long balanceAtEnd, long lastSequence) {

    public static MonthlyActivity none(String memberId, String timebankId, YearMonth month) {
        return new MonthlyActivity(memberId, timebankId, month, 0, 0, 0, 0, 0);
    }

    /**
     * This month after one more transfer of the member's account. Redemptions, gifts and
     * corrections move the balance but are not time given or received together.
     */
    public MonthlyActivity with(TransferPosted transfer) {
        if (transfer.sequence() <= lastSequence) {
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
        long balance = credited ? transfer.creditBalanceAfter() : transfer.debitBalanceAfter();
        return new MonthlyActivity(memberId, timebankId, month, given, received,
                contributionsValidated + (contribution ? 1 : 0), balance, transfer.sequence());
    }

    public boolean hadActivity() {
        return lastSequence > 0;
    }

    /** The facts of the statement message; the words are chosen when it is shown. */
    public Map<String, String> statementParams() {
        return Notices.params(Notices.MONTH, month, Notices.GIVEN, minutesGiven, Notices.RECEIVED, minutesReceived,
                Notices.VALIDATED, contributionsValidated, Notices.BALANCE, balanceAtEnd);
    }
}
