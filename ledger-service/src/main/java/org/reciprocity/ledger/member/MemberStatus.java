package org.reciprocity.ledger.member;

public enum MemberStatus {
    /** ERASED (issue 18): the register keeps the id and dates only; see erasure/MemberErasure. */
    ACTIVE, SUSPENDED, ERASED
}
