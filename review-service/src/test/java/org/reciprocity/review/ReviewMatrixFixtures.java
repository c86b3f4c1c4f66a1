package org.reciprocity.review;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.testsupport.matrix.Fixtures;
import org.reciprocity.testsupport.matrix.Operation;
import org.reciprocity.testsupport.matrix.Relation;
import org.reciprocity.testsupport.matrix.Scene;

/**
 * The review's scenes for the authorization matrix. The review's rules name roles, and SELF for a
 * member's personal data (the caller is the member the path names); {@code {indicator}} names an
 * indicator that exists.
 */
final class ReviewMatrixFixtures implements Fixtures {

    static final String INDICATOR = "training-co-delivered";

    private final String timebank = "review-matrix-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    public String timebank() {
        return timebank;
    }

    @Override
    public Set<Relation> relationsFor(Operation operation) {
        return operation.variables().contains("memberId") ? EnumSet.of(Relation.SELF) : EnumSet.noneOf(Relation.class);
    }

    @Override
    public Scene stranger(Operation operation) {
        if (operation.variables().contains("memberId")) {
            return Scene.of("matrix-caller", "memberId", "someone-else");
        }
        return operation.variables().contains("indicator") ? Scene.of("matrix-caller", "indicator", INDICATOR)
                : Scene.of("matrix-caller");
    }

    @Override
    public Scene arrange(Operation operation, Relation relation) {
        if (relation == Relation.SELF && operation.variables().contains("memberId")) {
            return Scene.of("matrix-caller", "memberId", "matrix-caller");
        }
        throw new IllegalArgumentException("the review's rules name no " + relation + ": " + operation);
    }
}
