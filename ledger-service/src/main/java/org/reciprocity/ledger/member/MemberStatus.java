package org.reciprocity.ledger.member;

public enum MemberStatus {
    ACTIVE, SUSPENDED
}
