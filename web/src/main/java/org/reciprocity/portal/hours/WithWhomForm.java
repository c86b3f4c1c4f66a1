package org.reciprocity.portal.hours;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.reciprocity.portal.layout.PageError;

/**
 * Time given or received with one other member (found by name), and what happened: what a member
 * logs for themself, and what a coordinator or a supporter logs for a member.
 */
public abstract class WithWhomForm extends TimeForm {

    private String direction;
    private String counterpart;
    private String counterpartName;
    private String name;
    private String description;

    /** The problems, each linked to its field, with message keys; empty when the form can be sent. */
    public List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (!"GAVE".equals(direction) && !"RECEIVED".equals(direction)) {
            problems.add(new PageError("direction", directionProblem()));
        }
        if (counterpart == null || !counterpart.matches("[A-Za-z0-9._:-]{1,100}")) {
            problems.add(new PageError("counterpart-search", "hours.error.counterpart"));
        }
        Stream.of(dateProblem(), timeProblem(), kindProblem()).filter(Objects::nonNull).forEach(problems::add);
        if (description != null && description.length() > 500) {
            problems.add(new PageError("description", "hours.error.description"));
        }
        return problems;
    }

    /** The key of the words asking whether time was given or received, as the page asks it. */
    protected abstract String directionProblem();

    /**
     * The ledger's request, logged from {@code memberId}'s side: the member themself, or the one a
     * coordinator or supporter logs for (the ledger records who logged it, for them).
     */
    public Map<String, Object> request(String memberId) {
        boolean gave = gave();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("side", gave ? "GIVER" : "RECEIVER");
        request.put("giverId", gave ? memberId : counterpart);
        request.put("receiverId", gave ? counterpart : memberId);
        request.put("minutes", totalMinutes());
        request.put("happenedOn", day().toString());
        request.put("kind", getKind());
        request.put("description", said());
        return request;
    }

    public boolean gave() {
        return "GAVE".equals(direction);
    }

    /** What happened, without the spaces around it; nothing when nothing was written. */
    public String said() {
        return description == null || description.isBlank() ? null : description.strip();
    }

    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getCounterpart() { return counterpart; }
    public void setCounterpart(String counterpart) { this.counterpart = counterpart; }
    public String getCounterpartName() { return counterpartName; }
    public void setCounterpartName(String counterpartName) { this.counterpartName = counterpartName; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
