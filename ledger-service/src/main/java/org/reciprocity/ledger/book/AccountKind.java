package org.reciprocity.ledger.book;

/** A member's own account, or an organisation's (a community pot, a service running a course). */
public enum AccountKind {
    MEMBER, ORGANISATION
}
