package org.reciprocity.portal.services;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * Members' names as any member may see them (matching's names), to show instead of ids. A member
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

    /** The most ids matching answers in one call ({@code GET …/names}); more go in several calls. */
    static final int MOST = 100;

    /**
     * Id to name, from matching's name-only read ({@code GET …/names?ids=…}): one call for up to
     * {@value #MOST} ids, and not a look at anyone's profile (issue 18, who looked). An erased member
     * is "a former member"; an id matching does not know in this timebank, or any id when matching
     * cannot answer, stays an id.
     */
    public Map<String, String> of(String tb, Collection<String> memberIds) {
        List<String> ids = memberIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MOST) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + MOST));
            names.putAll(read(tb, some));
            some.forEach(id -> names.putIfAbsent(id, id));
        }
        return names;
    }

    public String name(String tb, String memberId) {
        return of(tb, List.of(memberId)).getOrDefault(memberId, memberId);
    }

    private Map<String, String> read(String tb, List<String> ids) {
        Map<String, String> names = new HashMap<>();
        try {
            List<Name> answer = services.matching().get()
                    .uri(u -> u.path(Services.TB + "/names").queryParam("ids", String.join(",", ids)).build(tb))
                    .retrieve().body(new ParameterizedTypeReference<List<Name>>() { });
            for (Name name : answer == null ? List.<Name>of() : answer) {
                if (name.memberId() == null) {
                    continue;
                }
                if (Boolean.TRUE.equals(name.erased())) {
                    names.put(name.memberId(), formerMember());
                } else if (name.displayName() != null) {
                    names.put(name.memberId(), name.displayName());
                }
            }
        } catch (ServiceRefusal | ResourceAccessException unavailable) {
            // the ids stay ids: a page still shows, with less to read
        }
        return names;
    }

    /** One of matching's answers: a name, or only that the member was erased. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Name(String memberId, String displayName, Boolean erased) {
    }

    /** "a former member" (fr "un ancien membre"). */
    public String formerMember() {
        return messages.getMessage(FORMER_MEMBER, null, LocaleContextHolder.getLocale());
    }
}
