package org.reciprocity.kit.problem;

/**
 * What is wrong with one field of a request, when it cannot even be read (a date written
 * 30/11/2026, a number in words). Worded in FieldProblem.properties and _fr, for the member, with
 * no field names or types in it: the portal shows it beside the field; {@code errors[].field}
 * names the field for a program.
 */
public enum FieldProblem implements Reason {
    NOT_VALID,
    WHOLE_NUMBER,
    NUMBER,
    YES_OR_NO,
    TEXT,
    ONE_OF,
    DATE,
    LIST,
    CONTROL_CHARACTER,
    HALF_A_CHARACTER;

    @Override
    public Outcome outcome() {
        return Outcome.INVALID;
    }
}
