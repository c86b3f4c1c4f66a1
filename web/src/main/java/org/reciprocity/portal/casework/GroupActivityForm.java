package org.reciprocity.portal.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;

/** A group activity's register as the coordinator fills it in, kept as typed so the page can show it back. */
public class GroupActivityForm {

    static final List<String> KINDS = List.of("PEER_SUPPORT", "PRACTICAL_HELP", "SOCIAL_ACTIVITY", "GOALS_JOINTLY_SET",
            "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING",
            "SERVICE_CO_DESIGNED", "GOVERNING_BODY");
    static final int MAX_ATTENDEES = 200;
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private String requestId = UUID.randomUUID().toString();
    private String organisationId;
    private String title;
    private String kind;
    private String dateDay;
    private String dateMonth;
    private String dateYear;
    private String hours;
    private String minutes;
    private String name;
    private List<String> attendees = new ArrayList<>();

    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (organisationId == null || !organisationId.matches(ID)) {
            problems.add(new PageError("organisationId", "casework.group.error.organisation"));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            problems.add(new PageError("title", "casework.group.error.title"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new PageError("kind", "hours.error.kind"));
        }
        if (day() == null) {
            problems.add(new PageError("date-day", "hours.error.date"));
        }
        Long total = Hours.parse(hours, minutes);
        if (total == null || total < 1 || total > 1440) {
            problems.add(new PageError("hours", "hours.error.time"));
        }
        if (chosen().isEmpty()) {
            problems.add(new PageError("attendee-search", "casework.group.error.attendees"));
        }
        return problems;
    }

    /** The attendees picked, each once, valid ids only, at most {@value #MAX_ATTENDEES}. */
    List<String> chosen() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : attendees == null ? List.<String>of() : attendees) {
            if (id != null && id.matches(ID) && ids.size() < MAX_ATTENDEES) {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    /** The activity's id comes from the form's request id: sending the form again records nothing twice. */
    String activityId() {
        return "ga-" + (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}") ? requestId : UUID.randomUUID());
    }

    Map<String, Object> request() {
        long each = Hours.parse(hours, minutes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", activityId());
        body.put("organisationId", organisationId);
        body.put("title", title.strip());
        body.put("kind", kind);
        body.put("happenedOn", day().toString());
        body.put("attendances", chosen().stream().map(id -> Map.of("memberId", id, "minutes", each)).toList());
        return body;
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
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
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
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getAttendees() { return attendees; }
    public void setAttendees(List<String> attendees) { this.attendees = attendees; }
}
