package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Facts in memory: the property tests' store, a batch's buffer, and the shape every other store keeps. */
public final class MemoryFactStore<F extends Fact<F>> implements FactStore<F> {

    private final ConcurrentSkipListMap<String, F> documents = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, AtomicLong> changes = new ConcurrentHashMap<>();
    /**
     * Parts of {@link #parts}: a fact's part is a hash of its id, as the bucket store's documents are,
     * so that a reader that keeps what it computed per part is tested on parts that change and parts
     * that do not. A part's version moves at every change to any of its facts, whatever their prefix.
     */
    static final int PARTS = 32;
    private final AtomicLongArray versions = new AtomicLongArray(PARTS);

    private static int partOf(String id) {
        return Math.floorMod(id.hashCode(), PARTS);
    }

    @Override
    public void merge(F fact) {
        F before = documents.get(fact.id());
        F after = documents.merge(fact.id(), fact, Fact::merge);
        if (!after.equals(before)) {
            changed(fact.id());
        }
    }

    private void changed(String id) {
        versions.incrementAndGet(partOf(id));
        changes.computeIfAbsent(Keys.timebankOf(id), t -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public synchronized Parts<F> parts(String prefix, Map<String, Long> held) {
        Map<String, Long> now = new HashMap<>();
        for (int part = 0; part < PARTS; part++) {
            now.put("#" + part, versions.get(part));
        }
        Map<String, List<F>> read = new HashMap<>();
        for (F fact : withPrefix(prefix)) {
            String part = "#" + partOf(fact.id());
            if (!now.get(part).equals(held.get(part))) {
                read.computeIfAbsent(part, p -> new ArrayList<>()).add(fact);
            }
        }
        now.forEach((part, version) -> {
            if (!version.equals(held.get(part))) {
                read.putIfAbsent(part, List.of());
            }
        });
        return new Parts<>(now, read);
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
            changed(fact.id());
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
