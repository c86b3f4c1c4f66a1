package org.reciprocity.review.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where facts of one kind are kept. Every read is by {@code _id} or an {@code _id} range (the
 * embedded store serves no other index); every write is one conditional single-document update.
 */
public interface FactStore<F extends Fact<F>> {

    /** Merges what one event said into the document with the same id (creating it if new). */
    void merge(F fact);

    /**
     * Merges many facts at once and returns the documents they touched as they are now. A store may
     * read them in one go and write them in one go; each document is still one conditional write, so
     * the result equals merging the facts one by one, in any order.
     */
    default List<F> mergeAll(Collection<F> facts) {
        Map<String, F> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.merge(f.id(), f, Fact::merge));
        byId.values().forEach(this::merge);
        return new ArrayList<>(findAll(byId.keySet()));
    }

    Optional<F> find(String id);

    List<F> findAll(Collection<String> ids);

    /** Every document whose id starts with {@code prefix}, in id order. */
    List<F> withPrefix(String prefix);

    /** Every document whose id is in {@code [fromInclusive, toExclusive)}, in id order. */
    List<F> range(String fromInclusive, String toExclusive);

    /**
     * The facts whose ids start with {@code prefix}, as parts that change separately (a store's
     * documents): each part's version now, and the facts of each part whose version is not the one in
     * {@code held} (part id to version, as an earlier call returned them). A reader that keeps what it
     * computed from each part recomputes only the parts that changed.
     */
    Parts<F> parts(String prefix, Map<String, Long> held);

    /**
     * How many writes this store has made to the timebank's documents since it started: what the
     * figures' cache compares to know that nothing it was computed from has changed.
     */
    long changes(String timebankId);

    /**
     * Applies {@link Fact#forget} to every document of the timebank: an erased member's own documents
     * go, the others' are rewritten without their id. Repeatable: a second run changes nothing.
     */
    void forget(String timebankId, java.util.function.Predicate<String> erased);

    /** Writes what merges hold back (a store with a write-back cache); others write at once. */
    default void flush() {
        flush(timebankId -> id -> false);
    }

    /**
     * Writes what merges hold back, first forgetting in it the members {@code erasedIn} says are erased
     * in each timebank: a merge held back while a member was erased must not bring them back.
     */
    default void flush(java.util.function.Function<String, java.util.function.Predicate<String>> erasedIn) {
    }

    /** Facts a write-back cache holds until the next {@link #flush}: 0 for a store that writes at once. */
    default long cached() {
        return 0;
    }
}
