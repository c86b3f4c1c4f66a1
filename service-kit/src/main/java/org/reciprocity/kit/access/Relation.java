package org.reciprocity.kit.access;

/**
 * How a caller stands to what a request is about. The roles come from the sign-in token; the others
 * from the thing itself (the member, contribution, match or listing the path names), worked out by
 * the service's {@link SubjectRelations}.
 */
public enum Relation {
    /** Any signed-in person of the timebank, whatever their role. */
    MEMBER,
    /** The member the request is about is the caller. */
    SELF,
    /** The caller is a party to it: giver or receiver of a contribution, a side of a match, a listing's owner. */
    PARTY,
    /** The member it is about (or a party to it) named the caller as a supporter who may act for them. */
    SUPPORTER,
    /** The organisation it involves lists the caller among its staff. */
    ORGANISATION_STAFF,
    /** The caller is a peer-support coordinator of the timebank (role COORDINATOR). */
    COORDINATOR,
    /** The caller is a staff reviewer of the timebank (role STAFF): aggregates and integrity, not private notes. */
    REVIEWER,
    /** The caller runs the timebank (role ADMIN). */
    ADMIN,
    /** Anyone, signed in or not: only for links that carry their own proof (an unsubscribe token). */
    ANYONE;

    /** Whether a token's roles alone tell this relation, without looking at the subject. */
    public boolean fromRoles() {
        return this == MEMBER || this == COORDINATOR || this == REVIEWER || this == ADMIN || this == ANYONE;
    }
}
