package org.reciprocity.testsupport.matrix;

/** The roles a persona's token carries, one at a time, and the relation each gives. */
public enum Role {
    MEMBER(Relation.MEMBER),
    COORDINATOR(Relation.COORDINATOR),
    /** A staff reviewer: the role STAFF gives the relation REVIEWER, not ORGANISATION_STAFF. */
    STAFF(Relation.REVIEWER),
    ADMIN(Relation.ADMIN);

    private final Relation relation;

    Role(Relation relation) {
        this.relation = relation;
    }

    public Relation relation() {
        return relation;
    }
}
