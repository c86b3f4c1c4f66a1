package org.reciprocity.portal.supporters;

import java.time.LocalDate;
import org.reciprocity.portal.hours.ForThemForm;
import org.reciprocity.portal.hours.ForThemSteps;
import org.reciprocity.portal.services.Dtos.Contribution;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A supporter logs hours for a member who named them: the coordinator's "log hours for them" form,
 * on the supporter's own pages. The page opens only for someone who named the signed-in member; the
 * ledger decides whether the hours may be logged (named, with consent on record) and its refusal is
 * shown in the supporter's words, so consent withdrawn while the form was open is said plainly.
 */
@Controller
class SupportingController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final Supported supported;
    private final ForThemSteps steps;
    private final Services services;
    private final Names names;
    private final Zones zones;

    SupportingController(Supported supported, ForThemSteps steps, Services services, Names names, Zones zones) {
        this.supported = supported;
        this.steps = steps;
        this.services = services;
        this.names = names;
        this.zones = zones;
    }

    @GetMapping("/supporting/{memberId}/hours")
    String form(@PathVariable String memberId, Model model) {
        Supported.Person person = supported.one(memberId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ForThemForm form = new ForThemForm();
        form.today(LocalDate.now(zones.of(SignedIn.current().timebankId())));
        model.addAttribute("form", form);
        return page(person, model);
    }

    @PostMapping("/supporting/{memberId}/hours")
    String log(@PathVariable String memberId, @ModelAttribute("form") ForThemForm form,
               @RequestParam(name = "date-day", required = false) String day,
               @RequestParam(name = "date-month", required = false) String month,
               @RequestParam(name = "date-year", required = false) String year,
               @RequestParam(name = "action", defaultValue = "log") String action, Model model) {
        if (!memberId.matches(ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // no longer listed (consent withdrawn while the form was open): the page still reads, and the
        // ledger says why it cannot take the hours
        Supported.Person person = person(memberId);
        if (!steps.ready(memberId, form, day, month, year, action, model)) {
            return page(person, model);
        }
        try {
            Contribution logged = services.log(SignedIn.current().timebankId(), form.getRequestId(), form.request(memberId));
            return "redirect:/supporting/" + memberId + "/logged?id=" + logged.id();
        } catch (ServiceRefusal refusal) {
            steps.refused(refusal, model);
            return page(person, model);
        }
    }

    @GetMapping("/supporting/{memberId}/logged")
    String logged(@PathVariable String memberId, @RequestParam String id, Model model) {
        if (!memberId.matches(ID) || !id.matches(ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("person", person(memberId));
        model.addAttribute("contributionId", id);
        return "supporters/logged";
    }

    /** Named from whom I support, else as any member sees them (their name, or their id). */
    private Supported.Person person(String memberId) {
        return supported.one(memberId)
                .orElseGet(() -> new Supported.Person(memberId, names.name(SignedIn.current().timebankId(), memberId)));
    }

    private static String page(Supported.Person person, Model model) {
        model.addAttribute("person", person);
        return "supporters/hours";
    }
}
