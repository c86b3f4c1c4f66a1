package org.reciprocity.portal.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.portal.hours.ForThemForm;
import org.reciprocity.portal.hours.ForThemSteps;
import org.reciprocity.portal.hours.MemberSearch;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator's members: the list (by name, a page at a time), registering a paper-first member,
 * and the member's record (their details, statement, listings and matches as they see them, an
 * invitation to the portal, changes to details, suspension and reactivation, hours logged for them).
 * The path keeps these pages to coordinators and admins (SecurityConfiguration); every service checks
 * again.
 */
@Controller
class MembersController {

    static final int PAGE_SIZE = 25;
    static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED");
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final MemberServices members;
    private final Services services;
    private final Names names;
    private final MemberSearch search;
    private final Zones zones;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final ForThemSteps forThem;

    MembersController(MemberServices members, Services services, Names names, MemberSearch search, Zones zones,
                      LayoutAdvice layout, MessageSource messages, ForThemSteps forThem) {
        this.forThem = forThem;
        this.members = members;
        this.services = services;
        this.names = names;
        this.search = search;
        this.zones = zones;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/members")
    String list(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "1") String page, Model model) {
        String wanted = name.length() > 80 ? name.substring(0, 80) : name.strip();
        String onlyStatus = STATUSES.contains(status) ? status : null;
        int number = pageNumber(page);
        MemberServices.Page found = members.list(tb(), wanted, onlyStatus, number - 1, PAGE_SIZE);
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAllAttributes(Map.of("name", wanted, "status", onlyStatus == null ? "" : onlyStatus, "found", found,
                "pageNumber", number, "pages", pages));
        return "members/list";
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(4000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    @GetMapping("/coordinator/members/new")
    String newMember(Model model) {
        PaperFirstForm form = new PaperFirstForm();
        form.setLanguage(LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("form", form);
        return "members/new";
    }

    @PostMapping("/coordinator/members/new")
    String register(@ModelAttribute("form") PaperFirstForm form, Model model) {
        List<PageError> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("errors", worded(problems));
            return "members/new";
        }
        try {
            MemberServices.Record registered = members.registerPaperFirst(tb(), form.getRequestId(), form.request());
            return "redirect:/coordinator/members/" + registered.id() + "?done=registered";
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model, "members/new");
        }
    }

    @GetMapping("/coordinator/members/{memberId}")
    String record(@PathVariable String memberId, @RequestParam(defaultValue = "") String done, Model model) {
        requireId(memberId);
        MemberServices.Record record = members.record(tb(), memberId);
        model.addAttribute("m", record);
        if (Set.of("registered", "edited", "suspended", "reactivated", "invited", "logged", "supporter").contains(done)) {
            model.addAttribute("done", done);
        }
        model.addAttribute("signIn", members.signInStatus(tb(), memberId));
        List<StatementLine> lines = services.statement(tb(), memberId, null, null);
        List<StatementLine> latest = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        java.util.Collections.reverse(latest);
        model.addAttribute("statement", latest);
        model.addAttribute("balance", lines.isEmpty() ? 0L : lines.get(lines.size() - 1).balanceAfter());
        model.addAttribute("listings", quietly(() -> members.listings(tb(), memberId)));
        List<MemberServices.Match> matches = quietly(() -> members.matches(tb(), memberId));
        model.addAttribute("matches", matches);
        List<String> supporters = quietly(() -> members.supporters(tb(), memberId));
        model.addAttribute("supporters", supporters);
        List<String> others = new ArrayList<>(supporters);
        if (record.consent() != null && record.consent().recordedBy() != null) {
            others.add(record.consent().recordedBy());
        }
        matches.forEach(match -> others.add(memberId.equals(match.giverId()) ? match.receiverId() : match.giverId()));
        model.addAttribute("names", names.of(tb(), others));
        return "members/record";
    }

    /** A service that cannot answer a part of the record leaves that part empty, not the whole page. */
    private static <T> List<T> quietly(java.util.function.Supplier<List<T>> read) {
        try {
            List<T> found = read.get();
            return found == null ? List.of() : found;
        } catch (ServiceRefusal | org.springframework.web.client.ResourceAccessException unavailable) {
            if (unavailable instanceof ServiceRefusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            return List.of();
        }
    }

    @GetMapping("/coordinator/members/{memberId}/edit")
    String editForm(@PathVariable String memberId, Model model) {
        requireId(memberId);
        MemberServices.Record m = members.record(tb(), memberId);
        model.addAllAttributes(Map.of("memberId", memberId, "name", m.displayName(), "email", m.email() == null ? "" : m.email(),
                "language", m.language(), "kind", m.kind(), "kinds", PaperFirstForm.KINDS));
        return "members/edit";
    }

    @PostMapping("/coordinator/members/{memberId}/edit")
    String edit(@PathVariable String memberId, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String language,
                @RequestParam(defaultValue = "") String kind, Model model) {
        requireId(memberId);
        model.addAllAttributes(Map.of("memberId", memberId, "name", name, "email", email, "language", language,
                "kind", kind, "kinds", PaperFirstForm.KINDS));
        List<PageError> problems = new ArrayList<>();
        if (name.isBlank() || name.strip().length() > 80) {
            problems.add(new PageError("name", "members.error.name"));
        }
        if (!email.isBlank() && (!email.strip().matches(PaperFirstForm.EMAIL) || email.length() > 254)) {
            problems.add(new PageError("email", "members.error.email"));
        }
        if (!"en".equals(language) && !"fr".equals(language)) {
            problems.add(new PageError("language", "members.error.language"));
        }
        if (!PaperFirstForm.KINDS.contains(kind)) {
            problems.add(new PageError("kind", "members.error.kind"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", worded(problems));
            return "members/edit";
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("displayName", name.strip());
        changes.put("email", email.strip());
        changes.put("language", language);
        changes.put("kind", kind);
        try {
            // identity first: it refuses an address another account signs in with, before anything changed
            String before = members.record(tb(), memberId).email();
            if (!email.isBlank() && !email.strip().equalsIgnoreCase(before == null ? "" : before)) {
                members.changeSignInEmail(tb(), memberId, email.strip());
            }
            members.edit(tb(), memberId, changes);
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model, "members/edit");
        }
        return "redirect:/coordinator/members/" + memberId + "?done=edited";
    }

    @PostMapping("/coordinator/members/{memberId}/suspend")
    String suspend(@PathVariable String memberId, @RequestParam(defaultValue = "") String reason, Model model) {
        return status(memberId, reason, model, true);
    }

    @PostMapping("/coordinator/members/{memberId}/reactivate")
    String reactivate(@PathVariable String memberId, @RequestParam(defaultValue = "") String reason, Model model) {
        return status(memberId, reason, model, false);
    }

    private String status(String memberId, String reason, Model model, boolean suspend) {
        requireId(memberId);
        if (reason.isBlank() || reason.length() > 500) {
            return recordWith(memberId, model, new PageError("status-reason", text("members.error.reason")));
        }
        try {
            if (suspend) {
                members.suspend(tb(), memberId, reason.strip());
            } else {
                members.reactivate(tb(), memberId, reason.strip());
            }
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 404) {
                throw refusal;
            }
            return recordWith(memberId, model, layout.errorOf(refusal, "status-reason"));
        }
        return "redirect:/coordinator/members/" + memberId + "?done=" + (suspend ? "suspended" : "reactivated");
    }

    /** The existing invitation flow (identity-service e-mails a link); the member's e-mail must be on record. */
    @PostMapping("/coordinator/members/{memberId}/invite")
    String invite(@PathVariable String memberId, @RequestParam(defaultValue = "") String email, Model model) {
        requireId(memberId);
        MemberServices.Record m = members.record(tb(), memberId);
        String address = email.isBlank() ? m.email() : email.strip();
        if (address == null || !address.matches(PaperFirstForm.EMAIL) || address.length() > 254) {
            return recordWith(memberId, model, new PageError("invite-email", text("members.error.email")));
        }
        try {
            if (!address.equalsIgnoreCase(m.email() == null ? "" : m.email())) {
                members.edit(tb(), memberId, Map.of("email", address));
            }
            members.invite(tb(), memberId, address, m.language());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            return recordWith(memberId, model, layout.errorOf(refusal, "invite-email"));
        }
        return "redirect:/coordinator/members/" + memberId + "?done=invited";
    }

    /** A supporter the member named: someone (a carer, a peer) who may log hours for them too. */
    @PostMapping("/coordinator/members/{memberId}/supporters")
    String nameSupporter(@PathVariable String memberId, @RequestParam(defaultValue = "") String supporterName,
                         @RequestParam(defaultValue = "") String action, Model model) {
        requireId(memberId);
        if (action.startsWith("pick:") && action.substring(5).matches(ID)) {
            try {
                members.nameSupporter(tb(), memberId, action.substring(5));
            } catch (ServiceRefusal refusal) {
                if (refusal.status() == 401) {
                    throw refusal;
                }
                return recordWith(memberId, model, layout.errorOf(refusal, "supporter-search"));
            }
            return "redirect:/coordinator/members/" + memberId + "?done=supporter";
        }
        model.addAttribute("supporterName", supporterName);
        model.addAttribute("supporterResults", search.find(SignedIn.current(), supporterName).stream()
                .filter(r -> !r.memberId().equals(memberId)).toList());
        return record(memberId, "", model);
    }

    @GetMapping("/coordinator/members/{memberId}/hours")
    String hoursForm(@PathVariable String memberId, Model model) {
        requireId(memberId);
        ForThemForm form = new ForThemForm();
        form.today(java.time.LocalDate.now(zones.of(tb())));
        model.addAttribute("form", form);
        return hoursPage(memberId, model);
    }

    private String hoursPage(String memberId, Model model) {
        model.addAttribute("m", members.record(tb(), memberId));
        return "members/hours";
    }

    @PostMapping("/coordinator/members/{memberId}/hours")
    String logHours(@PathVariable String memberId, @ModelAttribute("form") ForThemForm form,
                    @RequestParam(name = "date-day", required = false) String day,
                    @RequestParam(name = "date-month", required = false) String month,
                    @RequestParam(name = "date-year", required = false) String year,
                    @RequestParam(name = "action", defaultValue = "log") String action, Model model) {
        requireId(memberId);
        if (!forThem.ready(memberId, form, day, month, year, action, model)) {
            return hoursPage(memberId, model);
        }
        try {
            String id = members.logFor(tb(), form.getRequestId(), form.request(memberId));
            return "redirect:/coordinator/members/" + memberId + "?done=logged&contribution=" + id;
        } catch (ServiceRefusal refusal) {
            forThem.refused(refusal, model);
            return hoursPage(memberId, model);
        }
    }

    private String recordWith(String memberId, Model model, PageError error) {
        model.addAttribute("errors", List.of(error));
        return record(memberId, "", model);
    }

    private String refused(ServiceRefusal refusal, Model model, String view) {
        if (refusal.status() == 401) {
            throw refusal;
        }
        model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
        return view;
    }

    private List<PageError> worded(List<PageError> problems) {
        return problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList();
    }

    /** An id that could not be a member's is a page that does not exist, not a call to the services. */
    private static void requireId(String memberId) {
        if (!memberId.matches(ID)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

    private static String tb() {
        return SignedIn.current().timebankId();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
