package org.reciprocity.testsupport.matrix;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a caller stands to what a request is about, by the names a service's OpenAPI document gives in
 * {@code x-access-allowed}. The same names as the kit's {@code org.reciprocity.kit.access.Relation},
 * which test support cannot see (it does not depend on the kit): a name the matrix does not know fails
 * the matrix, so the two cannot drift apart unnoticed.
 */
public enum Relation {
    MEMBER, SELF, PARTY, SUPPORTER, ORGANISATION_STAFF, COORDINATOR, REVIEWER, ADMIN, ANYONE;

    /** The relations a request's path gives, which a service's fixtures arrange; the others come from a token's roles. */
    public static final Set<Relation> SUBJECT = EnumSet.of(SELF, PARTY, SUPPORTER, ORGANISATION_STAFF);

    public boolean ofSubject() {
        return SUBJECT.contains(this);
    }
}
