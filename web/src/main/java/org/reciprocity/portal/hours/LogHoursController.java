package org.reciprocity.portal.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.Contribution;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.supporters.Supported;
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
 * Log hours in one short page: given or received, with whom (found by name), when, how long, what kind,
 * what happened. Works with JavaScript off: searching and picking a member post the form back.
 */
@Controller
class LogHoursController {

    private final Services services;
    private final Names names;
    private final Zones zones;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final MemberSearch search;
    private final AgreedMatches matches;
    private final Supported supported;

    LogHoursController(Services services, Names names, Zones zones, LayoutAdvice layout, MessageSource messages,
                       MemberSearch search, AgreedMatches matches, Supported supported) {
        this.supported = supported;
        this.search = search;
        this.matches = matches;
        this.services = services;
        this.names = names;
        this.zones = zones;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/hours/new")
    String form(Model model) {
        LogHoursForm form = new LogHoursForm();
        form.today(LocalDate.now(zones.of(SignedIn.current().timebankId())));
        model.addAttribute("form", form);
        return page(form, model);
    }

    /**
     * The page, with the member's agreed matches to choose from when they have any (all of them, since
     * with JavaScript on the person is picked without the page coming back); with none, the page is as it
     * always was.
     */
    private String page(LogHoursForm form, Model model) {
        List<AgreedMatches.Option> agreed = matches.of(SignedIn.current());
        model.addAttribute("agreedMatches", agreed);
        model.addAttribute("supported", supported.mine());
        return "hours/new";
    }

    @PostMapping("/hours/new")
    String submit(@ModelAttribute("form") LogHoursForm form,
                  @RequestParam(name = "date-day", required = false) String day,
                  @RequestParam(name = "date-month", required = false) String month,
                  @RequestParam(name = "date-year", required = false) String year,
                  @RequestParam(name = "action", defaultValue = "log") String action, Model model) {
        SignedIn me = SignedIn.current();
        form.date(day, month, year);
        if (action.startsWith("pick:")) {
            form.setCounterpart(action.substring(5));
            form.setCounterpartName(names.name(me.timebankId(), form.getCounterpart()));
            return page(form, model);
        }
        if ("search".equals(action)) {
            model.addAttribute("results", search.find(me, form.getName()));
            return page(form, model);
        }
        List<AgreedMatches.Option> agreed = matches.of(me);
        // a chosen match says who with and who gave: the member need not also find the person
        AgreedMatches.Option chosen = AgreedMatches.chosen(agreed, form.getMatchId());
        if (chosen != null && (form.getCounterpart() == null || form.getCounterpart().isBlank())) {
            form.setCounterpart(chosen.otherId());
            form.setCounterpartName(chosen.otherName());
        }
        if (chosen != null && (form.getDirection() == null || form.getDirection().isBlank())) {
            form.setDirection(chosen.giving() ? "GAVE" : "RECEIVED");
        }
        List<PageError> problems = new ArrayList<>(form.problems());
        if (problems.isEmpty() && form.getCounterpart().equals(me.memberId())) {
            problems = new ArrayList<>(List.of(new PageError("counterpart-search", "hours.error.yourself")));
        }
        if (!AgreedMatches.fits(chosen, form.getMatchId(), form.getCounterpart(), "GAVE".equals(form.getDirection()))) {
            problems.add(new PageError(agreed.isEmpty() ? null : "matchId", "bm.hours.error.match"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList());
            return page(form, model);
        }
        Map<String, Object> request = form.request(me.memberId());
        if (chosen != null) {
            request.put("matchId", chosen.matchId());
        }
        try {
            Contribution logged = services.log(me.timebankId(), form.getRequestId(), request);
            return "redirect:/hours/logged?id=" + logged.id();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return page(form, model);
        }
    }

    @GetMapping("/hours/logged")
    String logged(@RequestParam String id, Model model) {
        model.addAttribute("contributionId", id);
        return "hours/logged";
    }

    /** The search results as a fragment, for htmx while the member types. */
    @GetMapping("/hours/members")
    String members(@RequestParam(defaultValue = "") String name, Model model) {
        model.addAttribute("results", search.find(SignedIn.current(), name));
        return "hours/members :: results";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
