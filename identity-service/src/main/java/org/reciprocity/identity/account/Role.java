package org.reciprocity.identity.account;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a person may do. Every person is a MEMBER. */
public enum Role {
    MEMBER, COORDINATOR, STAFF, ADMIN;

    /** The roles as stored and put in tokens: MEMBER always, each once, in this enum's order. */
    public static List<String> normalise(Collection<String> roles) {
        Set<Role> set = new LinkedHashSet<>();
        set.add(MEMBER);
        if (roles != null) {
            roles.forEach(r -> set.add(Role.valueOf(r)));
        }
        return set.stream().sorted().map(Role::name).toList();
    }

    public static boolean isKnown(String role) {
        for (Role r : values()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
