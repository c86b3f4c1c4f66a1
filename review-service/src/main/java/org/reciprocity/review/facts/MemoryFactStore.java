package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Facts in memory: the property tests' store, and the shape every other store keeps. */
public final class MemoryFactStore<F extends Fact<F>> implements FactStore<F> {

    private final ConcurrentSkipListMap<String, F> documents = new ConcurrentSkipListMap<>();

    @Override
    public void merge(F fact) {
        documents.merge(fact.id(), fact, Fact::merge);
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

    public int size() {
        return documents.size();
    }
}
