package org.reciprocity.kit.access;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How the caller of the current request stands to what it is about, for an endpoint that shows
 * each viewer only what they may see (a profile's private fields, a contribution's notes).
 */
public final class Viewer {

    private static final String ATTRIBUTE = Viewer.class.getName();

    private Viewer() {
    }

    static void remember(HttpServletRequest request, Supplier<Set<Relation>> relations) {
        request.setAttribute(ATTRIBUTE, relations);
    }

    /** The current caller's relations to what the request's path names (worked out once, on first use). */
    @SuppressWarnings("unchecked")
    public static Set<Relation> relations() {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        Object relations = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (relations == null) {
            throw new IllegalStateException("no access decision for this request");
        }
        return ((Supplier<Set<Relation>>) relations).get();
    }

    /** Whether the caller stands in any of these relations to what the request is about. */
    public static boolean isAny(Relation... wanted) {
        Set<Relation> relations = relations();
        for (Relation relation : wanted) {
            if (relations.contains(relation)) {
                return true;
            }
        }
        return false;
    }
}
