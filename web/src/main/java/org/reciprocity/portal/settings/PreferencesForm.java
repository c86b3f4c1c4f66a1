package org.reciprocity.portal.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reciprocity.portal.layout.PageError;

/**
 * What a member chose on the notifications page: for each kind of message shown, the inbox and
 * e-mail boxes; quiet hours (none, or from and to); one e-mail a day. Kept as typed to be shown back.
 */
public class PreferencesForm {

    /** The kinds every member may be sent, in the order a member meets them (notification's MessageKind). */
    static final List<String> MEMBER_KINDS = List.of("WELCOME", "PLEASE_CONFIRM", "REMINDER", "LAST_CALL", "THANK_YOU",
            "CONTRIBUTION_EXPIRED", "DISPUTE_OPENED", "DISPUTE_RESOLVED", "CONTRIBUTION_REJECTED", "MATCH_PROPOSED",
            "MATCH_ACCEPTED", "MATCH_AGREED", "MATCH_CANCELLED", "BALANCE_NEAR_LIMIT", "MONTHLY_STATEMENT");
    /** The kinds only coordinators are sent. */
    static final List<String> COORDINATOR_KINDS = List.of("DISPUTE_TO_REVIEW", "DISPUTE_CLOSED",
            "BALANCE_NEAR_LIMIT_TO_REVIEW", "QUEUE_DIGEST");
    /** 22:00, 7:00, 7.30, 7h30: what people type for a time of day. */
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])\\s*[:.hH]\\s*([0-5]\\d)");

    private List<String> inbox = new ArrayList<>();
    private List<String> email = new ArrayList<>();
    private String quiet = "none";
    private String quietStart = "";
    private String quietEnd = "";
    private boolean digest;

    static PreferencesForm of(NotificationPreferences p, List<String> kinds) {
        PreferencesForm form = new PreferencesForm();
        for (String kind : kinds) {
            if (p.wants(kind, "INBOX")) {
                form.inbox.add(kind);
            }
            if (p.wants(kind, "EMAIL")) {
                form.email.add(kind);
            }
        }
        if (p.quietHours() != null) {
            form.quiet = "some";
            form.quietStart = p.quietHours().start();
            form.quietEnd = p.quietHours().end();
        }
        form.digest = p.digest();
        return form;
    }

    static List<String> kindsFor(boolean coordinator) {
        List<String> kinds = new ArrayList<>(MEMBER_KINDS);
        if (coordinator) {
            kinds.addAll(COORDINATOR_KINDS);
        }
        return kinds;
    }

    List<PageError> problems() {
        List<PageError> problems = new ArrayList<>();
        if (!"none".equals(quiet) && !"some".equals(quiet)) {
            problems.add(new PageError("quiet", "preferences.error.quiet"));
        } else if ("some".equals(quiet)) {
            String start = time(quietStart);
            String end = time(quietEnd);
            if (start == null) {
                problems.add(new PageError("quietStart", "preferences.error.quietStart"));
            }
            if (end == null) {
                problems.add(new PageError("quietEnd", "preferences.error.quietEnd"));
            }
            if (start != null && start.equals(end)) {
                problems.add(new PageError("quietEnd", "preferences.error.quietSame"));
            }
        }
        return problems;
    }

    /**
     * The preferences to save: the kinds shown take the boxes ticked; the others (a coordinator's
     * kinds, for a member) keep what they had; the language is left as it was.
     */
    NotificationPreferences applyTo(NotificationPreferences current, List<String> kindsShown) {
        Map<String, List<String>> channels = new LinkedHashMap<>(current.channels());
        for (String kind : kindsShown) {
            List<String> chosen = new ArrayList<>();
            if (inbox.contains(kind)) {
                chosen.add("INBOX");
            }
            if (email.contains(kind)) {
                chosen.add("EMAIL");
            }
            channels.put(kind, chosen);
        }
        NotificationPreferences.QuietHours quietHours = "some".equals(quiet)
                ? new NotificationPreferences.QuietHours(time(quietStart), time(quietEnd)) : null;
        return new NotificationPreferences(channels, quietHours, digest, current.language(), current.timeZone(),
                current.availableChannels());
    }

    /** A time of day as notification-service wants it ({@code 07:00}), or null when it is not one. */
    static String time(String typed) {
        Matcher m = TIME.matcher(typed == null ? "" : typed.strip());
        return m.matches() ? String.format("%02d:%s", Integer.parseInt(m.group(1)), m.group(2)) : null;
    }

    public List<String> getInbox() {
        return inbox;
    }

    public void setInbox(List<String> inbox) {
        this.inbox = inbox == null ? new ArrayList<>() : inbox;
    }

    public List<String> getEmail() {
        return email;
    }

    public void setEmail(List<String> email) {
        this.email = email == null ? new ArrayList<>() : email;
    }

    public String getQuiet() {
        return quiet;
    }

    public void setQuiet(String quiet) {
        this.quiet = quiet;
    }

    public String getQuietStart() {
        return quietStart;
    }

    public void setQuietStart(String quietStart) {
        this.quietStart = quietStart;
    }

    public String getQuietEnd() {
        return quietEnd;
    }

    public void setQuietEnd(String quietEnd) {
        this.quietEnd = quietEnd;
    }

    public boolean isDigest() {
        return digest;
    }

    public void setDigest(boolean digest) {
        this.digest = digest;
    }
}
