package org.reciprocity.portal.services;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Members' names as any member may see them (matching's profile), to show instead of ids. A member
 * whose data was erased (issue 18) is "a former member": never their id, which no longer leads to a person.
 */
@Component
public class Names {

    /** The words for an erased member, in the reader's language. */
    public static final String FORMER_MEMBER = "erasure.formerMember";

    private final Services services;
    private final MessageSource messages;

    public Names(Services services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
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
            if (profile != null && profile.isErased()) {
                return formerMember();
            }
            return profile == null || profile.displayName() == null ? memberId : profile.displayName();
        } catch (ServiceRefusal | ResourceAccessException unknown) {
            return memberId;
        }
    }

    /** "a former member" (fr "un ancien membre"). */
    public String formerMember() {
        return messages.getMessage(FORMER_MEMBER, null, LocaleContextHolder.getLocale());
    }
}
