package org.reciprocity.portal.services;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/** Members' names as any member may see them (matching's profile), to show instead of ids. */
@Component
public class Names {

    private final Services services;

    public Names(Services services) {
        this.services = services;
    }

    /** Id to name; an id whose profile cannot be read stays an id. */
    public Map<String, String> of(String tb, Collection<String> memberIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : memberIds) {
            names.computeIfAbsent(id, m -> name(tb, m));
        }
        return names;
    }

    public String name(String tb, String memberId) {
        try {
            Dtos.Profile profile = services.profile(tb, memberId);
            return profile == null || profile.displayName() == null ? memberId : profile.displayName();
        } catch (ServiceRefusal | ResourceAccessException unknown) {
            return memberId;
        }
    }
}
