package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.DirectoryEntry;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timebank's organisations: open one, rename it, say what members can spend hours on there, and
 * choose its staff by name (the people who record and confirm its group work). Without JavaScript:
 * finding a person is a form, adding or removing one a button.
 */
@Controller
class OrganisationPages {

    static final String ID = "[A-Za-z0-9._:-]{1,100}";
    private final AdminServices admin;
    private final Services services;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    OrganisationPages(AdminServices admin, Services services, Names names, LayoutAdvice layout, MessageSource messages) {
        this.admin = admin;
        this.services = services;
        this.names = names;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/admin/organisations")
    String list(Model model) {
        model.addAttribute("organisations", admin.organisations(SignedIn.current().timebankId()));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "admin/organisations";
    }

    @PostMapping("/admin/organisations")
    String open(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String requestId, Model model) {
        String tb = SignedIn.current().timebankId();
        String wanted = name.strip();
        if (wanted.isEmpty() || wanted.length() > 120) {
            return listWith(model, tb, name, requestId, List.of(new PageError("name", text("admin.organisations.error.name"))));
        }
        try {
            AdminServices.Organisation opened = admin.open(tb, requestId, wanted);
            return "redirect:/admin/organisations/" + opened.id() + "?done=opened";
        } catch (ServiceRefusal refusal) {
            rethrowIfNotAnAnswer(refusal);
            return listWith(model, tb, name, requestId, List.of(layout.errorOf(refusal, "name")));
        }
    }

    private String listWith(Model model, String tb, String name, String requestId, List<PageError> errors) {
        model.addAttribute("organisations", admin.organisations(tb));
        model.addAttribute("name", name);
        model.addAttribute("requestId", requestId);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", PolicyPage.fieldErrors(errors));
        return "admin/organisations";
    }

    @GetMapping("/admin/organisations/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "") String done,
                @RequestParam(defaultValue = "") String person, Model model) {
        AdminServices.Organisation organisation = find(id);
        model.addAttribute("name", organisation.name());
        model.addAttribute("offers", String.join("\n", organisation.offersOrNone()));
        model.addAttribute("done", done.matches("opened|saved|staff") ? done : "");
        if (person.strip().length() >= 2) {
            model.addAttribute("results", people(organisation, person));
            model.addAttribute("person", person);
        }
        return page(organisation, model);
    }

    /** Saves the name and the offers (one a line): blanks and repeats dropped, at most 50 of 120 characters. */
    @PostMapping("/admin/organisations/{id}")
    String edit(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String offers, Model model) {
        AdminServices.Organisation organisation = find(id);
        List<String> lines = Arrays.stream(offers.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        List<PageError> errors = new ArrayList<>();
        if (name.isBlank() || name.strip().length() > 120) {
            errors.add(new PageError("name", text("admin.organisations.error.name")));
        }
        if (lines.size() > 50 || lines.stream().anyMatch(l -> l.length() > 120)) {
            errors.add(new PageError("offers", text("admin.organisation.error.offers")));
        }
        model.addAttribute("name", name);
        model.addAttribute("offers", offers);
        if (errors.isEmpty()) {
            try {
                admin.edit(SignedIn.current().timebankId(), organisation.id(), name.strip(), lines);
                return "redirect:/admin/organisations/" + organisation.id() + "?done=saved";
            } catch (ServiceRefusal refusal) {
                rethrowIfNotAnAnswer(refusal);
                errors.add(layout.errorOf(refusal, null));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", PolicyPage.fieldErrors(errors));
        return page(organisation, model);
    }

    /** Adds ({@code add:<id>}) or removes ({@code remove:<id>}) one person from the staff. */
    @PostMapping("/admin/organisations/{id}/staff")
    String staff(@PathVariable String id, @RequestParam(defaultValue = "") String action, Model model) {
        AdminServices.Organisation organisation = find(id);
        List<String> staff = new ArrayList<>(organisation.staffOrNone());
        String who = action.contains(":") ? action.substring(action.indexOf(':') + 1) : "";
        if (!who.matches(ID) || !(action.startsWith("add:") || action.startsWith("remove:"))) {
            model.addAttribute("name", organisation.name());
            model.addAttribute("offers", String.join("\n", organisation.offersOrNone()));
            model.addAttribute("errors", List.of(new PageError("person", text("admin.organisation.error.person"))));
            return page(organisation, model);
        }
        if (action.startsWith("add:") && !staff.contains(who)) {
            staff.add(who);
        } else if (action.startsWith("remove:")) {
            staff.remove(who);
        }
        try {
            admin.setStaff(SignedIn.current().timebankId(), organisation.id(), staff);
        } catch (ServiceRefusal refusal) {
            rethrowIfNotAnAnswer(refusal);
            model.addAttribute("name", organisation.name());
            model.addAttribute("offers", String.join("\n", organisation.offersOrNone()));
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "person")));
            return page(organisation, model);
        }
        return "redirect:/admin/organisations/" + organisation.id() + "?done=staff";
    }

    private String page(AdminServices.Organisation organisation, Model model) {
        String tb = SignedIn.current().timebankId();
        Map<String, String> staffNames = names.of(tb, organisation.staffOrNone());
        model.addAttribute("organisation", organisation);
        model.addAttribute("staff", organisation.staffOrNone().stream()
                .map(s -> new DirectoryEntry(s, staffNames.getOrDefault(s, s))).toList());
        return "admin/organisation";
    }

    /** People found by name who are not yet its staff. */
    private List<DirectoryEntry> people(AdminServices.Organisation organisation, String name) {
        try {
            List<DirectoryEntry> found = services.directory(SignedIn.current().timebankId(), name.strip());
            return found == null ? List.of()
                    : found.stream().filter(p -> !organisation.staffOrNone().contains(p.memberId())).toList();
        } catch (ServiceRefusal refusal) {
            rethrowIfNotAnAnswer(refusal);
            return List.of();
        }
    }

    private AdminServices.Organisation find(String id) {
        if (!id.matches(ID)) {
            throw new ServiceRefusal(404, "not-found", null);
        }
        return admin.organisation(SignedIn.current().timebankId(), id);
    }

    private static void rethrowIfNotAnAnswer(ServiceRefusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
            throw refusal;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
