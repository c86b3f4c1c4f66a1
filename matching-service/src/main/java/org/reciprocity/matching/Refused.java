package org.reciprocity.matching;

/**
 * A well-formed command the domain refuses (a state, a rule, a permission), with the reason in
 * words the member can act on. Rendered as a 422 problem; nothing is written.
 */
public class Refused extends RuntimeException {

    public Refused(String reason) {
        super(reason);
    }
}
