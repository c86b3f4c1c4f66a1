package org.reciprocity.kit.access;

import java.util.Set;

/**
 * One line of a service's access policy: an action and who may do it. A service lists its rules
 * as an enum, one constant an endpoint, so the whole policy reads as a table.
 */
public interface AccessRule {

    String name();

    /** Who may: any one of these relations is enough. */
    Set<Relation> allowed();

    /**
     * Whether it reads a member's sensitive data (details, statement, contributions, a profile's
     * private fields): a read by a coordinator, staff or admin is then kept in the {@link ReadLog}
     * for the member to see (issue 18, "who looked").
     */
    default boolean sensitive() {
        return false;
    }

    default boolean allows(Set<Relation> relations) {
        for (Relation relation : relations) {
            if (allowed().contains(relation)) {
                return true;
            }
        }
        return false;
    }
}
