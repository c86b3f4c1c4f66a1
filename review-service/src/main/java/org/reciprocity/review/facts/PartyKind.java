package org.reciprocity.review.facts;

import org.reciprocity.contracts.member.MemberKind;

/**
 * Who is on a side of an hour: a member of one of the four kinds, or an organisation (the service:
 * an account that is not a member; the ledger publishes no event for organisations, so an account
 * no member event names is one).
 */
public enum PartyKind {
    SERVICE_USER, STAFF, CARER, NEIGHBOUR, ORGANISATION;

    public static PartyKind of(MemberKind kind) {
        return valueOf(kind.name());
    }
}
