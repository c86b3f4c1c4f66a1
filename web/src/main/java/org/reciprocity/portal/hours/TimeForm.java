package org.reciprocity.portal.hours;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;

/**
 * What every form that records time has, kept as typed so its page can show it back: the request's
 * id (chosen when the form is shown, so sending twice records once), the day, how long and what kind.
 * Each check answers one problem or none, so each form lists its problems in its own order.
 */
public abstract class TimeForm {

    public static final List<String> KINDS = List.of("PEER_SUPPORT", "PRACTICAL_HELP", "SOCIAL_ACTIVITY", "GOALS_JOINTLY_SET",
            "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING",
            "SERVICE_CO_DESIGNED", "GOVERNING_BODY");

    private String requestId = UUID.randomUUID().toString();
    private String dateDay;
    private String dateMonth;
    private String dateYear;
    private String hours;
    private String minutes;
    private String kind;

    protected PageError dateProblem() {
        return day() == null ? new PageError("date-day", "hours.error.date") : null;
    }

    /** At least a minute, at most a day. */
    protected PageError timeProblem() {
        Long total = Hours.parse(hours, minutes);
        return total == null || total < 1 || total > 1440 ? new PageError("hours", "hours.error.time") : null;
    }

    protected PageError kindProblem() {
        return kind == null || !KINDS.contains(kind) ? new PageError("kind", "hours.error.kind") : null;
    }

    public LocalDate day() {
        return Dates.fromFields(dateDay, dateMonth, dateYear);
    }

    public long totalMinutes() {
        return Hours.parse(hours, minutes);
    }

    public void today(LocalDate today) {
        dateDay = String.valueOf(today.getDayOfMonth());
        dateMonth = String.valueOf(today.getMonthValue());
        dateYear = String.valueOf(today.getYear());
    }

    /** The GOV.UK date input's fields (`date-day`…), which data binding cannot name. */
    public void date(String day, String month, String year) {
        dateDay = day;
        dateMonth = month;
        dateYear = year;
    }

    public List<String> getKinds() { return KINDS; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
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
}
