package org.reciprocity.kit.retention;

import java.time.Instant;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * One kind of thing a service stops keeping after a while: which collection, and which of its
 * documents are past their time at {@code now} under a timebank's policy. Pure: the condition
 * depends on nothing but its two arguments, so a run at the same {@code now} finds the same
 * documents, and a second run finds none of those the first removed.
 */
public interface RetentionRule {

    /** A stable name for the report, e.g. {@code inbox-items}. */
    String what();

    String collection();

    /** The documents past their time; the job adds the timebank to it when {@link #perTimebank()}. */
    Criteria olderThan(Instant now, RetentionPolicy policy);

    /**
     * The field this rule clears instead of removing the document (a closed match keeps its ids for
     * the ledger and the review, and loses its free text); null: the document goes.
     */
    default String clears() {
        return null;
    }

    /** Whether documents carry a {@code timebankId} and so follow their timebank's policy (else the defaults). */
    default boolean perTimebank() {
        return true;
    }
}
