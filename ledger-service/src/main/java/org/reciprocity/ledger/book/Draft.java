package org.reciprocity.ledger.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reciprocity.contracts.DomainEvent;

/**
 * A command's changes kept aside until it is decided whole. Reads see what the command has
 * changed so far (so several attendances are checked cumulatively against one organisation's
 * limit, and several postings chain one after another); nothing reaches the book until
 * {@link #whole} hands the lot over as one {@link BookStore.Change}. A command refused part-way
 * drops its draft and has written nothing.
 */
final class Draft implements BookStore {

    private final BookStore book;
    private final String timebankId;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Contribution> contributions = new LinkedHashMap<>();
    private ChainHead head;
    private final List<DomainEvent> events = new ArrayList<>();

    Draft(BookStore book, String timebankId) {
        this.book = book;
        this.timebankId = timebankId;
    }

    /** Everything drafted, then {@code more} events, as one change; empty if nothing was drafted. */
    Optional<Change> whole(List<DomainEvent> more) {
        if (entries.isEmpty() && accounts.isEmpty() && contributions.isEmpty() && events.isEmpty() && more.isEmpty()) {
            return Optional.empty();
        }
        List<DomainEvent> all = new ArrayList<>(events);
        all.addAll(more);
        return Optional.of(new Change(timebankId, List.copyOf(entries), List.copyOf(accounts.values()),
                List.copyOf(contributions.values()), head, all));
    }

    @Override
    public void commit(Change change) {
        if (!change.timebankId().equals(timebankId)) {
            throw new IllegalArgumentException("a draft holds one timebank's changes");
        }
        entries.addAll(change.entries());
        change.accounts().forEach(a -> accounts.put(a.id(), a));
        change.contributions().forEach(c -> contributions.put(c.id(), c));
        if (change.head() != null) {
            head = change.head();
        }
        events.addAll(change.events());
    }

    @Override
    public Optional<Policy> policy(String timebankId) {
        return book.policy(timebankId);
    }

    @Override
    public Optional<Account> account(String timebankId, String accountId) {
        Account drafted = mine(timebankId) ? accounts.get(accountId) : null;
        return drafted != null ? Optional.of(drafted) : book.account(timebankId, accountId);
    }

    @Override
    public Optional<Contribution> contribution(String timebankId, String contributionId) {
        Contribution drafted = mine(timebankId) ? contributions.get(contributionId) : null;
        return drafted != null ? Optional.of(drafted) : book.contribution(timebankId, contributionId);
    }

    @Override
    public List<Contribution> contributionsOfActivity(String timebankId, String activityId) {
        return overlay(timebankId, book.contributionsOfActivity(timebankId, activityId));
    }

    @Override
    public List<Contribution> openContributions(String timebankId) {
        return overlay(timebankId, book.openContributions(timebankId)).stream().filter(c -> c.state().isOpen()).toList();
    }

    @Override
    public List<Account> accounts(String timebankId) {
        return book.accounts(timebankId).stream()
                .map(a -> mine(timebankId) ? accounts.getOrDefault(a.id(), a) : a).toList();
    }

    @Override
    public Optional<LedgerEntry> entry(String timebankId, long sequence) {
        return drafted(timebankId).stream().filter(e -> e.sequence() == sequence).findFirst()
                .or(() -> book.entry(timebankId, sequence));
    }

    @Override
    public Optional<LedgerEntry> entryByTransfer(String timebankId, String transferId) {
        return drafted(timebankId).stream().filter(e -> e.transferId().equals(transferId)).findFirst()
                .or(() -> book.entryByTransfer(timebankId, transferId));
    }

    @Override
    public ChainHead head(String timebankId) {
        return mine(timebankId) && head != null ? head : book.head(timebankId);
    }

    @Override
    public Optional<AgreedMatch> agreedMatch(String timebankId, String matchId) {
        return book.agreedMatch(timebankId, matchId);
    }

    private boolean mine(String timebankId) {
        return this.timebankId.equals(timebankId);
    }

    private List<LedgerEntry> drafted(String timebankId) {
        return mine(timebankId) ? entries : List.of();
    }

    private List<Contribution> overlay(String timebankId, List<Contribution> read) {
        return read.stream().map(c -> mine(timebankId) ? contributions.getOrDefault(c.id(), c) : c).toList();
    }
}
