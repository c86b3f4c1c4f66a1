package org.reciprocity.portal.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;

/**
 * Hours a coordinator logs for a member (a paper-first member, or one who asked): the members'
 * log-hours page seen from the member's side ("they gave", "they received"), with the same fields,
 * checks and words, and the same fragments (the person search, the time).
 */
public class ForThemForm {

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

    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (!"GAVE".equals(direction) && !"RECEIVED".equals(direction)) {
            problems.add(new PageError("direction", "members.hours.error.direction"));
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

    /** The ledger's request: logged from the member's side, by the coordinator, with the member's consent on record. */
    Map<String, Object> request(String memberId) {
        boolean gave = "GAVE".equals(direction);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("side", gave ? "GIVER" : "RECEIVER");
        request.put("giverId", gave ? memberId : counterpart);
        request.put("receiverId", gave ? counterpart : memberId);
        request.put("minutes", Hours.parse(hours, minutes));
        request.put("happenedOn", day().toString());
        request.put("kind", kind);
        request.put("description", description == null || description.isBlank() ? null : description.strip());
        return request;
    }

    LocalDate day() {
        return Dates.fromFields(dateDay, dateMonth, dateYear);
    }

    void today(LocalDate today) {
        dateDay = String.valueOf(today.getDayOfMonth());
        dateMonth = String.valueOf(today.getMonthValue());
        dateYear = String.valueOf(today.getYear());
    }

    public List<String> getKinds() { return KINDS; }
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
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
