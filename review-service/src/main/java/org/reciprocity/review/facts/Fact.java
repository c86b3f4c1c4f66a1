package org.reciprocity.review.facts;

/**
 * A projection document: what the events said about one thing, keyed by {@code _id}. Merging is
 * commutative, associative and idempotent (a join of what each event said), so folding the same
 * events in any order, any number of times, gives the same document: redelivery and reordering
 * across partitions cannot change a figure.
 */
public interface Fact<F extends Fact<F>> {

    /** The document's {@code _id}: the timebank first, so a timebank's documents are one {@code _id} range. */
    String id();

    F merge(F other);

    /**
     * The fact once the members {@code erased} says have been erased: {@code null} when it is an
     * erased member's own document (it goes), else the fact with their ids replaced by
     * {@link Keys#ERASED} (what it says of others stays). Applied the same way to what is stored when
     * a member is erased and to every event folded after, in a rebuild too, so both give the same
     * documents. Most facts name no member: they stay as they are.
     */
    @SuppressWarnings("unchecked")
    default F forget(java.util.function.Predicate<String> erased) {
        return (F) this;
    }
}
