package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Facts in memory: the property tests' store, a batch's buffer, and the shape every other store keeps. */
public final class MemoryFactStore<F extends Fact<F>> implements FactStore<F> {

    private final ConcurrentSkipListMap<String, F> documents = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, AtomicLong> changes = new ConcurrentHashMap<>();

    @Override
    public void merge(F fact) {
        F before = documents.get(fact.id());
        F after = documents.merge(fact.id(), fact, Fact::merge);
        if (!after.equals(before)) {
            changes.computeIfAbsent(Keys.timebankOf(fact.id()), t -> new AtomicLong()).incrementAndGet();
        }
    }

    @Override
    public Optional<F> find(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public List<F> findAll(Collection<String> ids) {
        List<F> found = new ArrayList<>();
        for (String id : ids) {
            F fact = documents.get(id);
            if (fact != null) {
                found.add(fact);
            }
        }
        return found;
    }

    @Override
    public List<F> withPrefix(String prefix) {
        return range(prefix, prefix + Keys.END);
    }

    @Override
    public List<F> range(String fromInclusive, String toExclusive) {
        return new ArrayList<>(documents.subMap(fromInclusive, true, toExclusive, false).values());
    }

    @Override
    public long changes(String timebankId) {
        AtomicLong count = changes.get(timebankId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void forget(String timebankId, java.util.function.Predicate<String> erased) {
        for (F fact : withPrefix(Keys.timebank(timebankId))) {
            F kept = fact.forget(erased);
            if (kept == null) {
                documents.remove(fact.id());
            } else if (!kept.equals(fact)) {
                documents.put(fact.id(), kept);
            } else {
                continue;
            }
            changes.computeIfAbsent(timebankId, t -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Every document, in id order. */
    public List<F> all() {
        return new ArrayList<>(documents.values());
    }

    public int size() {
        return documents.size();
    }
}
