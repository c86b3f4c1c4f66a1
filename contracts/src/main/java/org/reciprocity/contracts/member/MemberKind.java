package org.reciprocity.contracts.member;

/** Who a member is in the service; parity between these kinds is what co-production reports. */
public enum MemberKind {
    SERVICE_USER, STAFF, CARER, NEIGHBOUR
}
