package org.reciprocity.testsupport.matrix;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls: a token with one role (or no token at all), for the timebank the path names or for
 * another one, standing to what the path names as a stranger ({@code subject} null) or in one
 * subject relation ({@link Relation#SUBJECT}).
 */
public record Persona(Role role, boolean elsewhere, Relation subject) {

    public Persona {
        if (subject != null && !subject.ofSubject()) {
            throw new IllegalArgumentException(subject + " comes from a role, not from what the path names");
        }
    }

    public static Persona signedOut() {
        return new Persona(null, false, null);
    }

    public boolean signedIn() {
        return role != null;
    }

    /** What the token alone gives: anyone signed in is a MEMBER, and their role's relation. */
    public Set<Relation> fromRole() {
        Set<Relation> relations = EnumSet.of(Relation.ANYONE);
        if (signedIn()) {
            relations.add(Relation.MEMBER);
            relations.add(role.relation());
        }
        return relations;
    }

    /** Every relation of the persona to what the path names. */
    public Set<Relation> relations() {
        Set<Relation> relations = fromRole();
        if (subject != null) {
            relations.add(subject);
        }
        return relations;
    }

    @Override
    public String toString() {
        if (!signedIn()) {
            return "no token";
        }
        return role + (elsewhere ? " of another timebank" : "") + ", " + (subject == null ? "stranger" : subject);
    }
}
