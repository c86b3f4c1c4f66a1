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
        } catch (ServiceRefusal refusal) {
            return refusal.status() == 404 ? notInMatching(tb, memberId) : memberId;
        } catch (ResourceAccessException unknown) {
            return memberId;
        }
    }

    /**
     * Matching no longer answers for an erased member (404). The ledger says ERASED to whoever may read
     * members (the member themself, coordinators, admins), or gives the name it holds. A member who may
     * not ask the ledger (403) is told "a former member": matching knows every current member (from the
     * details topic), so one it does not know is one who left. Unknown to both (404): the id stays.
     */
    private String notInMatching(String tb, String memberId) {
        try {
            LedgerMember member = services.ledger().get().uri(Services.TB + "/members/{m}", tb, memberId)
                    .retrieve().body(LedgerMember.class);
            if (member == null || "ERASED".equals(member.status())) {
                return formerMember();
            }
            return member.displayName() == null ? formerMember() : member.displayName();
        } catch (ServiceRefusal refusal) {
            return refusal.status() == 403 ? formerMember() : memberId;
        } catch (ResourceAccessException unknown) {
            return memberId;
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record LedgerMember(String id, String displayName, String status) {
    }

    /** "a former member" (fr "un ancien membre"). */
    public String formerMember() {
        return messages.getMessage(FORMER_MEMBER, null, LocaleContextHolder.getLocale());
    }
}
