package org.reciprocity.matching;

import org.reciprocity.kit.problem.Reason;
import org.reciprocity.kit.problem.Refusal;

/**
 * A well-formed command the domain refuses (a state, a rule, a permission that depends on what the
 * request says), as a {@link Refusal}: a {@link MatchingRefusal} code with its parameters. Rendered
 * as a problem detail with the reason's status; nothing is written.
 */
public class Refused extends RuntimeException {

    private final transient Refusal refusal;

    public Refused(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    public Refused(Reason reason) {
        this(reason.refusal());
    }

    public Refusal refusal() {
        return refusal;
    }
}
