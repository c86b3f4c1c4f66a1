package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.portal.layout.Words;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Hours;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every change made to run the timebank, newest first, in words: who, when (in the timebank's zone) and
 * what changed from what to what. The records are the owning services' (ledger: policy, organisations,
 * staff; identity: roles), each kept with its change; this page merges the two, newest first.
 */
@Controller
class AuditPage {

    static final int PAGE = 20;
    static final int MOST_PAGES = 50;
    private static final Set<String> MINUTES = Set.of("memberMinimumMinutes", "memberMaximumMinutes",
            "organisationMinimumMinutes", "organisationMaximumMinutes", "warningMarginMinutes");
    /** The settings and fields the services name in their records, each with words in the bundles. */
    static final List<String> WHATS = List.of("memberMinimumMinutes", "memberMaximumMinutes", "organisationMinimumMinutes",
            "organisationMaximumMinutes", "warningMarginMinutes", "validationWindowDays", "reminderHoursBeforeDeadline",
            "zoneId", "logOnBehalfAllowed", "kinds", "name", "offers", "staffIds", "roles");
    static final List<String> ACTIONS = List.of("POLICY_CHANGED", "ORGANISATION_OPENED", "ORGANISATION_EDITED",
            "STAFF_CHANGED", "ROLES_CHANGED");

    private final AdminServices admin;
    private final Names names;
    private final Words words;
    private final MessageSource messages;

    AuditPage(AdminServices admin, Names names, Words words, MessageSource messages) {
        this.admin = admin;
        this.names = names;
        this.words = words;
        this.messages = messages;
    }

    /** One change as the page shows it. */
    record Line(String id, String when, String who, String what, List<String> details) {
    }

    @GetMapping("/admin/audit")
    String show(@RequestParam(defaultValue = "1") int page, Model model) {
        String tb = SignedIn.current().timebankId();
        int p = Math.max(1, Math.min(page, MOST_PAGES));
        int needed = p * PAGE;
        AdminServices.AuditPage ledger = admin.ledgerAudit(tb, Math.min(needed, 1000));
        AdminServices.AuditPage identity = admin.identityAudit(tb, Math.min(needed, 1000));
        List<AdminServices.Entry> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AdminServices.AuditPage source : List.of(ledger, identity)) {
            if (source != null && source.entries() != null) {
                source.entries().stream().filter(e -> seen.add(e.id())).forEach(all::add);
            }
        }
        all.sort(Comparator.comparing(AdminServices.Entry::at).reversed());
        int from = (p - 1) * PAGE;
        List<AdminServices.Entry> shown = from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + PAGE));
        int total = (ledger == null ? 0 : ledger.total()) + (identity == null ? 0 : identity.total());
        model.addAttribute("lines", shown.stream().map(e -> line(tb, e)).toList());
        model.addAttribute("page", p);
        model.addAttribute("previous", p > 1 ? p - 1 : null);
        model.addAttribute("next", total > p * PAGE && p < MOST_PAGES ? p + 1 : null);
        model.addAttribute("total", total);
        return "admin/audit";
    }

    private Line line(String tb, AdminServices.Entry e) {
        String action = ACTIONS.contains(e.action()) ? e.action() : "OTHER";
        String subject = "ROLES_CHANGED".equals(e.action()) ? names.name(tb, e.subjectId())
                : e.subjectName() == null ? e.subjectId() : e.subjectName();
        List<String> details = new ArrayList<>();
        if (e.changes() != null) {
            for (AdminServices.Change c : e.changes()) {
                String what = WHATS.contains(c.what()) ? word("admin.audit.what.", c.what()) : c.what();
                details.add(text("admin.audit.change", what, value(tb, c.what(), c.from()), value(tb, c.what(), c.to())));
            }
        }
        return new Line(e.id(), words.moment(e.at()), names.name(tb, e.by()), word("admin.audit.action.", action, subject),
                details);
    }

    /** A recorded value in words: minutes as hours, roles and staff by name, an empty value as "none". */
    private String value(String tb, String what, String raw) {
        if (raw == null || raw.isBlank()) {
            return text("admin.audit.none");
        }
        if (MINUTES.contains(what) && raw.matches("-?\\d+")) {
            return Hours.of(Long.parseLong(raw));
        }
        if ("validationWindowDays".equals(what)) {
            return text("admin.audit.days", raw);
        }
        if ("reminderHoursBeforeDeadline".equals(what)) {
            return String.join(", ", Arrays.stream(raw.split(",")).filter(h -> h.matches("\\d+"))
                    .map(h -> Hours.of(Long.parseLong(h) * 60)).toList());
        }
        if ("roles".equals(what)) {
            return String.join(", ", Arrays.stream(raw.split(","))
                    .map(r -> Set.of("MEMBER", "COORDINATOR", "STAFF", "ADMIN").contains(r) ? word("admin.role.", r) : r).toList());
        }
        if ("staffIds".equals(what)) {
            Map<String, String> named = new LinkedHashMap<>(names.of(tb, List.of(raw.split(","))));
            return String.join(", ", Arrays.stream(raw.split(",")).map(id -> named.getOrDefault(id, id)).toList());
        }
        if ("offers".equals(what)) {
            return String.join("; ", raw.split("\n"));
        }
        return raw;
    }

    /** The words for a key built from a value (MessageBundlesTest lists every value). */
    private String word(String prefix, String value, Object... args) {
        return messages.getMessage(prefix + value, args, LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
