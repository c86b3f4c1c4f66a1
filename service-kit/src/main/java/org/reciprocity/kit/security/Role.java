package org.reciprocity.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles of the product brief, as they appear in the token's {@code roles} claim. */
public enum Role {
    MEMBER, COORDINATOR, STAFF, ADMIN;

    /** Reads role names, ignoring ones this service does not know (a newer issuer may add some). */
    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
