package org.reciprocity.testsupport.matrix;

import java.util.Set;

/**
 * What a service gives the {@link AuthorizationMatrix}: its timebank, and for an operation the
 * scenes in which a caller stands to what the path names as a stranger or in a subject relation.
 * Fixtures know path variables ({@code memberId}, {@code contributionId}…), not endpoints, so a
 * new endpoint over known variables needs nothing new. Each call builds a fresh scene through the
 * service's API; the matrix reuses it for every operation with the same variables until a request
 * that may change things gets through.
 */
public interface Fixtures {

    /** The open timebank every path names and every persona but the "elsewhere" ones signs in to. */
    String timebank();

    /** The timebank of the "elsewhere" personas' tokens. */
    default String otherTimebank() {
        return timebank() + "-elsewhere";
    }

    /**
     * The subject relations ({@link Relation#SUBJECT}) these fixtures can set up for the operation's
     * path; each one is then tried with every role. The matrix fails an operation whose rule allows a
     * subject relation missing here, as it could not show that those people are let in.
     */
    Set<Relation> relationsFor(Operation operation);

    /** A caller who stands in no relation to anything the path names, and the path's values. */
    Scene stranger(Operation operation);

    /** A caller who stands to what the path names in exactly this relation, and the path's values. */
    Scene arrange(Operation operation, Relation relation);
}
