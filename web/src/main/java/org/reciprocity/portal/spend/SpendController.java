package org.reciprocity.portal.spend;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.hours.MemberSearch;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Hours;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Spend hours on an organisation's offer; give hours to another member or to the community pot. */
@Controller
class SpendController {

    private final Services services;
    private final MemberSearch search;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final PortalSettings settings;

    SpendController(Services services, MemberSearch search, LayoutAdvice layout, MessageSource messages,
                    PortalSettings settings) {
        this.services = services;
        this.search = search;
        this.layout = layout;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/spend")
    String spendForm(@RequestParam(defaultValue = "") String organisation, Model model) {
        model.addAttribute("requestId", UUID.randomUUID().toString());
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisations", organisations());
        return "spend/spend";
    }

    @PostMapping("/spend")
    String spend(@RequestParam(defaultValue = "") String requestId, @RequestParam(defaultValue = "") String organisation,
                 @RequestParam(defaultValue = "") String offer, @RequestParam(defaultValue = "") String hours,
                 @RequestParam(defaultValue = "") String minutes, Model model) {
        model.addAllAttributes(java.util.Map.of("requestId", requestId, "organisation", organisation, "offer", offer,
                "hours", hours, "minutes", minutes));
        model.addAttribute("organisations", organisations());
        List<PageError> problems = new ArrayList<>();
        if (!organisation.strip().matches("[A-Za-z0-9._:-]{1,100}")) {
            problems.add(new PageError("organisation", text("spend.error.organisation")));
        }
        Long total = Hours.parse(hours, minutes);
        if (total == null || total < 1) {
            problems.add(new PageError("hours", text("spend.error.time")));
        }
        if (offer.length() > 200) {
            problems.add(new PageError("offer", text("spend.error.offer")));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            return "spend/spend";
        }
        try {
            services.redeem(SignedIn.current().timebankId(), requestId, organisation.strip(), total, offer.strip());
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model, "spend/spend");
        }
        model.addAttribute("minutesDone", total);
        return "spend/spent";
    }

    @GetMapping("/give")
    String giveForm(Model model) {
        model.addAttribute("requestId", UUID.randomUUID().toString());
        model.addAttribute("pot", pot());
        return "spend/give";
    }

    @PostMapping("/give")
    String give(@RequestParam(defaultValue = "") String requestId, @RequestParam(defaultValue = "") String recipient,
                @RequestParam(defaultValue = "") String counterpart, @RequestParam(defaultValue = "") String counterpartName,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String note,
                @RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String minutes,
                @RequestParam(defaultValue = "give") String action, Model model) {
        SignedIn me = SignedIn.current();
        model.addAllAttributes(java.util.Map.of("requestId", requestId, "recipient", recipient, "counterpart", counterpart,
                "counterpartName", counterpartName, "name", name, "note", note, "hours", hours, "minutes", minutes));
        model.addAttribute("pot", pot());
        if (action.startsWith("pick:")) {
            model.addAttribute("recipient", "member");
            model.addAttribute("counterpart", action.substring(5));
            model.addAttribute("counterpartName", search.nameOf(me, action.substring(5)));
            return "spend/give";
        }
        if ("search".equals(action)) {
            model.addAttribute("results", search.find(me, name));
            return "spend/give";
        }
        boolean toPot = "pot".equals(recipient) && pot() != null;
        List<PageError> problems = new ArrayList<>();
        if (!toPot && !counterpart.matches("[A-Za-z0-9._:-]{1,100}")) {
            problems.add(new PageError("counterpart-search", text("give.error.recipient")));
        }
        Long total = Hours.parse(hours, minutes);
        if (total == null || total < 1) {
            problems.add(new PageError("hours", text("spend.error.time")));
        }
        if (note.length() > 500) {
            problems.add(new PageError("note", text("contribution.error.tooLong")));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            return "spend/give";
        }
        try {
            services.give(me.timebankId(), requestId, toPot ? pot() : counterpart, total, note.strip());
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model, "spend/give");
        }
        model.addAttribute("minutesDone", total);
        return "spend/given";
    }

    /** The organisations to choose from; none when the ledger cannot say (the page then asks for the id). */
    private List<org.reciprocity.portal.services.Dtos.Organisation> organisations() {
        try {
            List<org.reciprocity.portal.services.Dtos.Organisation> all = services.organisations(SignedIn.current().timebankId());
            return all == null ? List.of() : all;
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            return List.of();
        }
    }

    private String pot() {
        String pot = settings.communityPot();
        return pot == null || pot.isBlank() ? null : pot;
    }

    private String refused(ServiceRefusal refusal, Model model, String view) {
        if (refusal.status() == 401) {
            throw refusal;
        }
        model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
        return view;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
