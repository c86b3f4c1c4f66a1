package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Erasures in memory: the property tests' store, the same steps as the service's. */
public final class MemoryErasures implements Erasures {

    /** member key → the token while its figures are being kept, "" once kept. */
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, List<ErasedContribution>> figures = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();

    @Override
    public boolean erased(String timebankId, String memberId) {
        return members.containsKey(Keys.of(timebankId, memberId));
    }

    @Override
    public Optional<String> begin(String timebankId, String memberId) {
        String token = members.computeIfAbsent(Keys.of(timebankId, memberId), k -> UUID.randomUUID().toString());
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Override
    public void keep(String timebankId, String token, List<ErasedContribution> contributions) {
        figures.put(Keys.of(timebankId, token), List.copyOf(contributions));
        changed(timebankId);
    }

    @Override
    public void rename(String timebankId, String party, String by) {
        figures.subMap(Keys.timebank(timebankId), Keys.timebank(timebankId) + Keys.END).replaceAll(
                (id, all) -> all.stream().map(c -> c.renamed(party, by)).toList());
        changed(timebankId);
    }

    @Override
    public void moved(String timebankId, String memberId) {
        members.put(Keys.of(timebankId, memberId), "");
    }

    @Override
    public List<ErasedContribution> contributions(String timebankId) {
        List<ErasedContribution> all = new ArrayList<>();
        figures.subMap(Keys.timebank(timebankId), Keys.timebank(timebankId) + Keys.END).values().forEach(all::addAll);
        return all;
    }

    @Override
    public long changes(String timebankId) {
        AtomicLong count = changes.get(timebankId);
        return count == null ? 0 : count.get();
    }

    private void changed(String timebankId) {
        changes.computeIfAbsent(timebankId, t -> new AtomicLong()).incrementAndGet();
    }
}
