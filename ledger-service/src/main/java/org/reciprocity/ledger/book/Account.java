package org.reciprocity.ledger.book;

import org.reciprocity.kit.problem.Refusal;

/**
 * A time account. Like a TigerBeetle account it keeps posted minutes and pending minutes apart:
 * a logged contribution already counts against both accounts' limits while it waits, so two
 * pending logs cannot together break a limit.
 *
 * @param debitsPending  minutes this account is due to give up (it received time, not yet validated)
 * @param creditsPending minutes this account is due to earn (it gave time, not yet validated)
 * @param lastSequence   the last ledger entry applied to this account; makes re-applying one a no-op
 */
public record Account(String id, String timebankId, AccountKind kind, boolean active, long balance,
                      long debitsPending, long creditsPending, long lastSequence) {

    public static Account open(String id, String timebankId, AccountKind kind) {
        return new Account(id, timebankId, kind, true, 0, 0, 0, 0);
    }

    /**
     * Why this account cannot be debited {@code minutes} more, or {@code null} if it can. The figures
     * are this account's own: {@code reader} says who will read them, so a refusal can only be
     * given to the owner or a coordinator (see {@link Ledger.Actor#maySeeFiguresOf}).
     */
    Refusal refuseDebit(Minutes minutes, Policy policy, Ledger.Actor reader) {
        long lowest = balance - debitsPending - minutes.value();
        if (lowest >= policy.minimum(kind).value()) {
            return null;
        }
        if (!reader.maySeeFiguresOf(this)) {
            return LedgerRefusal.OTHER_PARTY_CANNOT_TAKE_THIS.refusal();
        }
        return LedgerRefusal.BELOW_MINIMUM.with("whose", whose(reader), "limit", policy.minimum(kind),
                "balance", Minutes.of(balance), "pending", Minutes.of(debitsPending),
                "account", id, "limitMinutes", policy.minimum(kind).value(), "balanceMinutes", balance,
                "pendingMinutes", debitsPending);
    }

    /** Why this account cannot be credited {@code minutes} more, or {@code null} if it can; as {@link #refuseDebit}. */
    Refusal refuseCredit(Minutes minutes, Policy policy, Ledger.Actor reader) {
        long highest = balance + creditsPending + minutes.value();
        if (highest <= policy.maximum(kind).value()) {
            return null;
        }
        if (!reader.maySeeFiguresOf(this)) {
            return LedgerRefusal.OTHER_PARTY_CANNOT_TAKE_THIS.refusal();
        }
        return LedgerRefusal.ABOVE_MAXIMUM.with("whose", whose(reader), "limit", policy.maximum(kind),
                "balance", Minutes.of(balance), "pending", Minutes.of(creditsPending), "account", id,
                "limitMinutes", policy.maximum(kind).value(), "balanceMinutes", balance,
                "pendingMinutes", creditsPending);
    }

    Account reserveDebit(Minutes m) {
        return new Account(id, timebankId, kind, active, balance, debitsPending + m.value(), creditsPending, lastSequence);
    }

    Account reserveCredit(Minutes m) {
        return new Account(id, timebankId, kind, active, balance, debitsPending, creditsPending + m.value(), lastSequence);
    }

    Account releaseDebit(Minutes m) {
        return new Account(id, timebankId, kind, active, balance, debitsPending - m.value(), creditsPending, lastSequence);
    }

    Account releaseCredit(Minutes m) {
        return new Account(id, timebankId, kind, active, balance, debitsPending, creditsPending - m.value(), lastSequence);
    }

    Account debit(Minutes m, long sequence) {
        return new Account(id, timebankId, kind, active, balance - m.value(), debitsPending, creditsPending, sequence);
    }

    Account credit(Minutes m, long sequence) {
        return new Account(id, timebankId, kind, active, balance + m.value(), debitsPending, creditsPending, sequence);
    }

    Account withPending(long debits, long credits) {
        return new Account(id, timebankId, kind, active, balance, debits, credits, lastSequence);
    }

    public Account withActive(boolean isActive) {
        return new Account(id, timebankId, kind, isActive, balance, debitsPending, creditsPending, lastSequence);
    }

    /** Whose account the words speak of, as a key the bundle words: {@code whose.YOURS=your time account}. */
    private String whose(Ledger.Actor reader) {
        if (id.equals(reader.id())) {
            return "YOURS";
        }
        return kind == AccountKind.MEMBER ? "MEMBER" : "ORGANISATION";
    }
}
