package org.reciprocity.review.facts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where facts of one kind are kept. Every read is by {@code _id} or an {@code _id} range (the
 * embedded store serves no other index); every write is one conditional single-document update.
 */
public interface FactStore<F extends Fact<F>> {

    /** Merges what one event said into the document with the same id (creating it if new). */
    void merge(F fact);

    Optional<F> find(String id);

    List<F> findAll(Collection<String> ids);

    /** Every document whose id starts with {@code prefix}, in id order. */
    List<F> withPrefix(String prefix);

    /** Every document whose id is in {@code [fromInclusive, toExclusive)}, in id order. */
    List<F> range(String fromInclusive, String toExclusive);
}
