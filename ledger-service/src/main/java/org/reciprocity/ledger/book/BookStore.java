package org.reciprocity.ledger.book;

import java.util.List;
import java.util.Optional;

import org.reciprocity.contracts.DomainEvent;

/**
 * Where the ledger keeps its state. The ledger changes one timebank at a time (callers serialise
 * per timebank) and hands each change over whole to {@link #commit}. A store that cannot write a
 * change atomically must write its ledger entries first: they are the record, and everything else
 * (balances, contribution states, the chain head) can be rebuilt from them ({@link Ledger#repair}).
 */
public interface BookStore {

    Optional<Policy> policy(String timebankId);

    Optional<Account> account(String timebankId, String accountId);

    Optional<Contribution> contribution(String timebankId, String contributionId);

    List<Contribution> contributionsOfActivity(String timebankId, String activityId);

    /** The contributions of a timebank still waiting for validation or a decision (LOGGED, DISPUTED). */
    List<Contribution> openContributions(String timebankId);

    /** Every account of a timebank. */
    List<Account> accounts(String timebankId);

    Optional<LedgerEntry> entry(String timebankId, long sequence);

    Optional<LedgerEntry> entryByTransfer(String timebankId, String transferId);

    ChainHead head(String timebankId);

    /** The two members of an agreed match, if the match is known and agreed. */
    Optional<AgreedMatch> agreedMatch(String timebankId, String matchId);

    void commit(Change change);

    /** Everything one command changed, with the events that say so. */
    record Change(String timebankId, List<LedgerEntry> entries, List<Account> accounts,
                  List<Contribution> contributions, ChainHead head, List<DomainEvent> events) {
    }

    record AgreedMatch(String matchId, String giverId, String receiverId) {
    }
}
