package org.reciprocity.portal.board;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.words.Hours;

/**
 * What a member typed to publish or change a listing, kept as typed so the page can show it back.
 * The estimated time is whole hours and minutes (never decimals), the expiry a day in the timebank's zone.
 */
public class ListingForm {

    /** What matching-service accepts: from a quarter of an hour to eight hours. */
    static final long FEWEST_MINUTES = 15;
    static final long MOST_MINUTES = 8 * 60;

    private String requestId = UUID.randomUUID().toString();
    private String kind;
    private String title;
    private String description;
    private String category;
    private String hours;
    private String minutes;
    private String mode;
    private String district;
    private String recurrence;
    private String expiresDay;
    private String expiresMonth;
    private String expiresYear;
    private List<String> accessibility = new ArrayList<>();

    /** The form filled from a listing, to change it. */
    static ListingForm of(BoardServices.Listing listing, ZoneId zone) {
        ListingForm form = new ListingForm();
        form.kind = listing.kind();
        form.title = listing.title();
        form.description = listing.description();
        form.category = listing.category();
        long total = listing.estimatedMinutes() == null ? 0 : listing.estimatedMinutes();
        form.hours = String.valueOf(total / 60);
        form.minutes = String.valueOf(total % 60);
        form.mode = listing.mode();
        form.district = listing.district();
        form.recurrence = listing.recurrence();
        if (listing.expiresAt() != null) {
            // the listing lasts to the end of its last day: show that day
            form.expires(BoardWords.lastDay(listing.expiresAt(), zone));
        }
        form.accessibility = listing.accessibility() == null ? new ArrayList<>()
                : new ArrayList<>(listing.accessibility().stream().filter(Vocabulary.ACCESS::contains).toList());
        return form;
    }

    /** The problems, each linked to its field, with message keys; empty when the form can be sent. */
    List<PageError> problems(boolean creating, LocalDate today) {
        List<PageError> problems = new ArrayList<>();
        if (creating && !known(kind, Vocabulary.KINDS)) {
            problems.add(new PageError("kind", "board.error.kind"));
        }
        if (title == null || title.strip().length() < 3 || title.strip().length() > 120) {
            problems.add(new PageError("title", "board.error.title"));
        }
        if (description != null && description.length() > 2000) {
            problems.add(new PageError("description", "board.error.description"));
        }
        if (!known(category, Vocabulary.CATEGORIES)) {
            problems.add(new PageError("category", "board.error.category"));
        }
        Long total = Hours.parse(hours, minutes);
        if (total == null || total < FEWEST_MINUTES || total > MOST_MINUTES) {
            problems.add(new PageError("hours", "board.error.time"));
        }
        if (!known(mode, Vocabulary.MODES)) {
            problems.add(new PageError("mode", "board.error.mode"));
        } else if (!"REMOTE".equals(mode) && area() == null) {
            problems.add(new PageError("district", "board.error.district"));
        }
        if (district != null && !district.isBlank() && area() == null) {
            problems.add(new PageError("district", "board.error.district"));
        }
        if (recurrence != null && !recurrence.isBlank() && !known(recurrence, Vocabulary.RECURRENCES)) {
            problems.add(new PageError("recurrence", "board.error.recurrence"));
        }
        LocalDate until = expires();
        if (until == null || !until.isAfter(today.minusDays(1)) || until.isAfter(today.plusYears(1).minusDays(1))) {
            problems.add(new PageError("expires-day", "board.error.expires"));
        }
        if (accessibility != null && !Vocabulary.ACCESS.containsAll(accessibility)) {
            problems.add(new PageError("accessibility", "board.error.accessibility"));
        }
        return problems.stream().distinct().toList();
    }

    /** Immutable lists refuse to be asked about null: a missing answer is simply not one of the values. */
    private static boolean known(String value, List<String> values) {
        return value != null && values.contains(value);
    }

    /** The listing as matching-service reads it (publishing adds the kind). */
    Map<String, Object> content(ZoneId zone, boolean creating) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (creating) {
            body.put("kind", kind);
        }
        body.put("title", title.strip());
        body.put("description", description == null || description.isBlank() ? null : description.strip());
        body.put("category", category);
        body.put("estimatedMinutes", Hours.parse(hours, minutes));
        body.put("mode", mode);
        body.put("district", area());
        body.put("recurrence", recurrence == null || recurrence.isBlank() ? null : recurrence);
        body.put("accessibility", accessibility == null ? List.of() : accessibility);
        // on the board through the whole of the last day the member chose, in the timebank's zone
        body.put("expiresAt", expires().plusDays(1).atStartOfDay(zone).toInstant().toString());
        return body;
    }

    /** A postcode district such as N1 or M14, upper-cased; null when there is none or it is not one. */
    String area() {
        String d = district == null ? "" : district.strip().toUpperCase(java.util.Locale.ROOT);
        return d.matches("[A-Z]{1,2}[0-9][0-9A-Z]?") ? d : null;
    }

    LocalDate expires() {
        try {
            return LocalDate.of(Integer.parseInt(expiresYear.strip()), Integer.parseInt(expiresMonth.strip()),
                    Integer.parseInt(expiresDay.strip()));
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    void expires(LocalDate day) {
        expiresDay = String.valueOf(day.getDayOfMonth());
        expiresMonth = String.valueOf(day.getMonthValue());
        expiresYear = String.valueOf(day.getYear());
    }

    public List<String> getKinds() { return Vocabulary.KINDS; }
    public List<String> getCategories() { return Vocabulary.CATEGORIES; }
    public List<String> getModes() { return Vocabulary.MODES; }
    public List<String> getRecurrences() { return Vocabulary.RECURRENCES; }
    public List<String> getAccessChoices() { return Vocabulary.ACCESS; }

    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getHours() { return hours; }
    public void setHours(String hours) { this.hours = hours; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getRecurrence() { return recurrence; }
    public void setRecurrence(String recurrence) { this.recurrence = recurrence; }
    public String getExpiresDay() { return expiresDay; }
    public void setExpiresDay(String expiresDay) { this.expiresDay = expiresDay; }
    public String getExpiresMonth() { return expiresMonth; }
    public void setExpiresMonth(String expiresMonth) { this.expiresMonth = expiresMonth; }
    public String getExpiresYear() { return expiresYear; }
    public void setExpiresYear(String expiresYear) { this.expiresYear = expiresYear; }
    public List<String> getAccessibility() { return accessibility; }
    public void setAccessibility(List<String> accessibility) { this.accessibility = accessibility; }
}
