package org.reciprocity.portal.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;

/** What a member typed on the log-hours page, kept as typed so the page can show it back. */
public class LogHoursForm {

    static final List<String> KINDS = List.of("PEER_SUPPORT", "PRACTICAL_HELP", "SOCIAL_ACTIVITY", "GOALS_JOINTLY_SET",
            "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING",
            "SERVICE_CO_DESIGNED", "GOVERNING_BODY");

    private String requestId = UUID.randomUUID().toString();
    private String direction;
    private String counterpart;
    private String counterpartName;
    private String name;
    private String dateDay;
    private String dateMonth;
    private String dateYear;
    private String hours;
    private String minutes;
    private String kind;
    private String description;
    private String matchId;

    /** The problems, each linked to its field, with message keys; empty when the form can be sent. */
    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (!"GAVE".equals(direction) && !"RECEIVED".equals(direction)) {
            problems.add(new PageError("direction", "hours.error.direction"));
        }
        if (counterpart == null || !counterpart.matches("[A-Za-z0-9._:-]{1,100}")) {
            problems.add(new PageError("counterpart-search", "hours.error.counterpart"));
        }
        if (day() == null) {
            problems.add(new PageError("date-day", "hours.error.date"));
        }
        Long total = Hours.parse(hours, minutes);
        if (total == null || total < 1 || total > 1440) {
            problems.add(new PageError("hours", "hours.error.time"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new PageError("kind", "hours.error.kind"));
        }
        if (description != null && description.length() > 500) {
            problems.add(new PageError("description", "hours.error.description"));
        }
        return problems;
    }

    LocalDate day() {
        return Dates.fromFields(dateDay, dateMonth, dateYear);
    }

    long totalMinutes() {
        return Hours.parse(hours, minutes);
    }

    void today(LocalDate today) {
        dateDay = String.valueOf(today.getDayOfMonth());
        dateMonth = String.valueOf(today.getMonthValue());
        dateYear = String.valueOf(today.getYear());
    }

    public List<String> getKinds() {
        return KINDS;
    }

    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getCounterpart() { return counterpart; }
    public void setCounterpart(String counterpart) { this.counterpart = counterpart; }
    public String getCounterpartName() { return counterpartName; }
    public void setCounterpartName(String counterpartName) { this.counterpartName = counterpartName; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDateDay() { return dateDay; }
    public void setDateDay(String dateDay) { this.dateDay = dateDay; }
    public String getDateMonth() { return dateMonth; }
    public void setDateMonth(String dateMonth) { this.dateMonth = dateMonth; }
    public String getDateYear() { return dateYear; }
    public void setDateYear(String dateYear) { this.dateYear = dateYear; }
    public String getHours() { return hours; }
    public void setHours(String hours) { this.hours = hours; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getMatchId() { return matchId; }
    public void setMatchId(String matchId) { this.matchId = matchId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
