package org.reciprocity.portal.casework;

import java.util.ArrayList;
import java.util.List;
import org.reciprocity.portal.hours.MemberSearch;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.Organisation;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A group activity in one step: the register (attendees found by name and added one by one, the
 * time each gave, the kind, the day, the organisation it was for), recorded and confirmed at once;
 * then the transfers it made. Works with JavaScript off: finding, adding and removing post the form back.
 */
@Controller
class GroupActivityController {

    private final CaseworkServices casework;
    private final Services services;
    private final Names names;
    private final MemberSearch search;
    private final Zones zones;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    GroupActivityController(CaseworkServices casework, Services services, Names names, MemberSearch search, Zones zones,
                            LayoutAdvice layout, MessageSource messages) {
        this.casework = casework;
        this.services = services;
        this.names = names;
        this.search = search;
        this.zones = zones;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/group-activities/new")
    String form(Model model) {
        GroupActivityForm form = new GroupActivityForm();
        form.today(java.time.LocalDate.now(zones.of(tb())));
        List<Organisation> organisations = services.organisations(tb());
        if (organisations.size() == 1) {
            form.setOrganisationId(organisations.get(0).id());
        }
        model.addAttribute("form", form);
        return page(form, model, organisations);
    }

    private String page(GroupActivityForm form, Model model, List<Organisation> organisations) {
        form.setAttendees(form.chosen());
        model.addAttribute("organisations", organisations);
        model.addAttribute("names", names.of(tb(), form.getAttendees()));
        return "casework/group-activity";
    }

    @PostMapping("/coordinator/group-activities/new")
    String submit(@ModelAttribute("form") GroupActivityForm form,
                  @RequestParam(name = "date-day", required = false) String day,
                  @RequestParam(name = "date-month", required = false) String month,
                  @RequestParam(name = "date-year", required = false) String year,
                  @RequestParam(name = "action", defaultValue = "record") String action, Model model) {
        form.date(day, month, year);
        List<Organisation> organisations = services.organisations(tb());
        if (action.startsWith("add:")) {
            List<String> attendees = new ArrayList<>(form.chosen());
            attendees.add(action.substring(4));
            form.setAttendees(attendees);
            form.setName("");
            return page(form, model, organisations);
        }
        if (action.startsWith("remove:")) {
            List<String> attendees = new ArrayList<>(form.chosen());
            attendees.remove(action.substring(7));
            form.setAttendees(attendees);
            return page(form, model, organisations);
        }
        if ("search".equals(action)) {
            List<String> already = form.chosen();
            model.addAttribute("results", search.find(SignedIn.current(), form.getName()).stream()
                    .filter(r -> !already.contains(r.memberId())).toList());
            return page(form, model, organisations);
        }
        List<PageError> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList());
            return page(form, model, organisations);
        }
        try {
            List<CaseworkServices.Case> confirmed = casework.recordAndConfirm(tb(), form.request());
            model.addAttribute("confirmed", confirmed);
            model.addAttribute("title", form.getTitle().strip());
            model.addAttribute("names", names.of(tb(), confirmed.stream().map(CaseworkServices.Case::giverId).toList()));
            return "casework/group-activity-done";
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return page(form, model, organisations);
        }
    }

    private static String tb() {
        return SignedIn.current().timebankId();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
