package org.reciprocity.portal.hours;

/**
 * Hours logged for a member by someone else (a coordinator, for a paper-first member or one who asked;
 * a supporter the member named): the members' log-hours page seen from the member's side ("they gave",
 * "they received"), with the same fields, checks, words and fragments.
 */
public class ForThemForm extends WithWhomForm {

    @Override
    protected String directionProblem() {
        return "members.hours.error.direction";
    }
}
