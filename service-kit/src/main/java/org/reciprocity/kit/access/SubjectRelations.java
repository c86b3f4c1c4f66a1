package org.reciprocity.kit.access;

import java.util.Map;
import java.util.Set;

import org.reciprocity.kit.security.Caller;

/**
 * How the caller stands to what a request's path names ({@code memberId}, {@code contributionId},
 * {@code matchId}…): {@link Relation#SELF}, {@link Relation#PARTY}, {@link Relation#SUPPORTER},
 * {@link Relation#ORGANISATION_STAFF}. Something that does not exist has no relations, so a stranger
 * cannot tell it from something they may not see.
 */
@FunctionalInterface
public interface SubjectRelations {

    Set<Relation> of(Caller caller, String timebankId, Map<String, String> pathVariables);

    /**
     * The members whose data a request to this path reads, for the {@link ReadLog}: by default the
     * {@code memberId} the path names. A service whose paths name a thing of two members (a
     * contribution) says whose it is.
     */
    default Set<String> membersRead(String timebankId, Map<String, String> pathVariables) {
        String member = pathVariables.get("memberId");
        return member == null ? Set.of() : Set.of(member);
    }

    /** Only {@code memberId} matters: the caller is the member, or not. */
    SubjectRelations SELF_ONLY = (caller, timebankId, path) -> {
        String member = path.get("memberId");
        return member != null && member.equals(caller.memberId()) ? Set.of(Relation.SELF) : Set.of();
    };
}
