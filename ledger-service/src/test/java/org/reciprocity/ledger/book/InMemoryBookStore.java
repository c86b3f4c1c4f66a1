package org.reciprocity.ledger.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reciprocity.contracts.DomainEvent;

/** A book kept in maps, for the domain's tests: commits are trivially atomic. */
final class InMemoryBookStore implements BookStore {

    final Map<String, Policy> policies = new LinkedHashMap<>();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final Map<String, Contribution> contributions = new LinkedHashMap<>();
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<String, ChainHead> heads = new LinkedHashMap<>();
    final Map<String, AgreedMatch> matches = new LinkedHashMap<>();
    final List<DomainEvent> events = new ArrayList<>();

    @Override
    public Optional<Policy> policy(String timebankId) {
        return Optional.ofNullable(policies.get(timebankId));
    }

    @Override
    public Optional<Account> account(String timebankId, String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).filter(a -> a.timebankId().equals(timebankId));
    }

    @Override
    public Optional<Contribution> contribution(String timebankId, String contributionId) {
        return Optional.ofNullable(contributions.get(contributionId)).filter(c -> c.timebankId().equals(timebankId));
    }

    @Override
    public List<Contribution> contributionsOfActivity(String timebankId, String activityId) {
        return contributions.values().stream()
                .filter(c -> c.timebankId().equals(timebankId) && activityId.equals(c.groupActivityId())).toList();
    }

    @Override
    public List<Contribution> openContributions(String timebankId) {
        return contributions.values().stream().filter(c -> c.timebankId().equals(timebankId) && c.state().isOpen()).toList();
    }

    @Override
    public List<Account> accounts(String timebankId) {
        return accounts.values().stream().filter(a -> a.timebankId().equals(timebankId)).toList();
    }

    @Override
    public Optional<LedgerEntry> entry(String timebankId, long sequence) {
        return entries.stream().filter(e -> e.timebankId().equals(timebankId) && e.sequence() == sequence).findFirst();
    }

    @Override
    public Optional<LedgerEntry> entryByTransfer(String timebankId, String transferId) {
        return entries.stream().filter(e -> e.timebankId().equals(timebankId) && e.transferId().equals(transferId))
                .findFirst();
    }

    @Override
    public ChainHead head(String timebankId) {
        return heads.getOrDefault(timebankId, ChainHead.empty(timebankId));
    }

    @Override
    public Optional<AgreedMatch> agreedMatch(String timebankId, String matchId) {
        return Optional.ofNullable(matches.get(matchId));
    }

    @Override
    public void commit(Change change) {
        entries.addAll(change.entries());
        change.accounts().forEach(a -> accounts.put(a.id(), a));
        change.contributions().forEach(c -> contributions.put(c.id(), c));
        if (change.head() != null) {
            heads.put(change.timebankId(), change.head());
        }
        events.addAll(change.events());
    }

    List<LedgerEntry> entriesOf(String timebankId) {
        return entries.stream().filter(e -> e.timebankId().equals(timebankId)).toList();
    }
}
