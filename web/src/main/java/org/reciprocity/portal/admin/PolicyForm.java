package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.words.Hours;

/**
 * The policy as the admin types it: limits as hours and minutes (the lowest balance as a distance below
 * zero), the validation window in days, reminders in hours before the deadline. {@link #problems} names
 * each field that is not right; only a form with none becomes a policy.
 */
public record PolicyForm(Map<String, String> values) {

    /** Fields of hours and minutes: each is {@code <name>Hours} and {@code <name>Minutes}. */
    static final List<String> DURATIONS = List.of("memberMinimum", "memberMaximum", "organisationMinimum", "warningMargin");

    static PolicyForm of(AdminServices.Policy p) {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "memberMinimum", -p.memberMinimumMinutes());
        put(v, "memberMaximum", p.memberMaximumMinutes());
        put(v, "organisationMinimum", -p.organisationMinimumMinutes());
        put(v, "warningMargin", p.warningMarginMinutes());
        v.put("validationWindowDays", Integer.toString(p.validationWindowDays()));
        v.put("reminders", String.join(", ", p.reminderHoursBeforeDeadline().stream().map(String::valueOf).toList()));
        return new PolicyForm(v);
    }

    private static void put(Map<String, String> v, String name, long minutes) {
        v.put(name + "Hours", Long.toString(minutes / 60));
        v.put(name + "Minutes", Long.toString(minutes % 60));
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** Minutes of a duration field, or null when it is not whole hours (up to 1,000) and minutes (under 60). */
    Long minutes(String name) {
        return Hours.parse(get(name + "Hours"), get(name + "Minutes"));
    }

    Integer windowDays() {
        String days = get("validationWindowDays").strip();
        if (!days.matches("\\d{1,2}")) {
            return null;
        }
        int d = Integer.parseInt(days);
        return d >= 1 && d <= 90 ? d : null;
    }

    /** Reminders as hours before the deadline, each 1 to the window's length, at most 10; null when not. */
    List<Long> reminders(int windowDays) {
        String text = get("reminders").strip();
        List<Long> hours = new ArrayList<>();
        if (text.isEmpty()) {
            return hours;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (!part.matches("\\d{1,4}")) {
                return null;
            }
            long h = Long.parseLong(part);
            if (h < 1 || h >= windowDays * 24L || hours.contains(h)) {
                return null;
            }
            hours.add(h);
        }
        return hours.size() > 10 ? null : hours;
    }

    /** The fields that are not right, each with its message key (the page words them). */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : DURATIONS) {
            if (minutes(name) == null) {
                problems.put(name + "Hours", "admin.policy.error.duration");
            }
        }
        Integer days = windowDays();
        if (days == null) {
            problems.put("validationWindowDays", "admin.policy.error.window");
        } else if (reminders(days) == null) {
            problems.put("reminders", "admin.policy.error.reminders");
        }
        Long margin = minutes("warningMargin");
        Long minimum = minutes("memberMinimum");
        Long maximum = minutes("memberMaximum");
        if (margin != null && minimum != null && maximum != null && margin > 0
                && margin * 2 > minimum + maximum && !problems.containsKey("warningMarginHours")) {
            problems.put("warningMarginHours", "admin.policy.error.margin");
        }
        return problems;
    }

    /** The policy this form makes of the current one (what the form does not show stays as it is). */
    AdminServices.Policy applyTo(AdminServices.Policy current) {
        int days = windowDays();
        return new AdminServices.Policy(current.zoneId(), days, reminders(days), -minutes("memberMinimum"),
                minutes("memberMaximum"), -minutes("organisationMinimum"), current.organisationMaximumMinutes(),
                minutes("warningMargin"), current.logOnBehalfAllowed(), current.kinds());
    }
}
