package org.reciprocity.portal.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.reciprocity.portal.hours.TimeForm;
import org.reciprocity.portal.layout.PageError;

/** A group activity's register as the coordinator fills it in, kept as typed so the page can show it back. */
public class GroupActivityForm extends TimeForm {

    static final int MAX_ATTENDEES = 200;
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private String organisationId;
    private String title;
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
        Stream.of(kindProblem(), dateProblem(), timeProblem()).filter(Objects::nonNull).forEach(problems::add);
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
        String requestId = getRequestId();
        return "ga-" + (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}") ? requestId : UUID.randomUUID());
    }

    Map<String, Object> request() {
        long each = totalMinutes();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", activityId());
        body.put("organisationId", organisationId);
        body.put("title", title.strip());
        body.put("kind", getKind());
        body.put("happenedOn", day().toString());
        body.put("attendances", chosen().stream().map(id -> Map.of("memberId", id, "minutes", each)).toList());
        return body;
    }

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getAttendees() { return attendees; }
    public void setAttendees(List<String> attendees) { this.attendees = attendees; }
}
