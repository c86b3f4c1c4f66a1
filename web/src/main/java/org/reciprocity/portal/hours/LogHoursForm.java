package org.reciprocity.portal.hours;

/** What a member typed on the log-hours page, kept as typed so the page can show it back. */
public class LogHoursForm extends WithWhomForm {

    private String matchId;

    @Override
    protected String directionProblem() {
        return "hours.error.direction";
    }

    public String getMatchId() { return matchId; }
    public void setMatchId(String matchId) { this.matchId = matchId; }
}
