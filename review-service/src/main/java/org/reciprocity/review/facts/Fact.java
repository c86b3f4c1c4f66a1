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
}
