package org.reciprocity.contracts.contribution;

/** Which side logged a contribution; the other side (or a coordinator) validates it. */
public enum LoggedBy {
    /** "I gave": the giver logged it. */
    GIVER,
    /** "I received": the receiver logged it. */
    RECEIVER
}
