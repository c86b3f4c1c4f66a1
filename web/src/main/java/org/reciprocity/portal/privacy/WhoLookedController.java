package org.reciprocity.portal.privacy;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;

import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Issue 18, "who looked": the member's list of the coordinators, staff and admins who looked at their
 * details, statement, hours or matches, when and why (from each service's {@code …/members/{id}/reads});
 * and the coordinator's choice of why they are looking, kept for the session and sent with every read.
 */
@Controller
class WhoLookedController {

    private final Services services;
    private final Names names;
    private final Zones zones;
    private final MessageSource messages;
    /** review-service: the reciprocity review's rows and the timebank's download are looks too. */
    private final RestClient review;

    WhoLookedController(Services services, Names names, Zones zones, MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${reciprocity.review-url}") String reviewUrl,
                        org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager clients) {
        this.services = services;
        this.review = Services.asThePerson(reviewUrl, clients);
        this.names = names;
        this.zones = zones;
        this.messages = messages;
    }

    /** One line the member reads, and its date for the table's first column. */
    record Line(String day, String text) {
    }

    @GetMapping("/my-data/who-looked")
    String whoLooked(Model model) {
        SignedIn me = SignedIn.current();
        List<Looks.Read> reads = new ArrayList<>();
        boolean partly = false;
        for (RestClient service : List.of(services.ledger(), services.matching(), services.notification(), review)) {
            List<Looks.Read> found = quietly(() -> service.get()
                    .uri(Services.TB + "/members/{m}/reads", me.timebankId(), me.memberId())
                    .retrieve().body(new ParameterizedTypeReference<List<Looks.Read>>() { }));
            if (found == null) {
                partly = true;
            } else {
                reads.addAll(found);
            }
        }
        List<Looks.Visit> visits = Looks.visits(reads);
        Map<String, String> who = names.of(me.timebankId(), visits.stream().map(Looks.Visit::readerId).toList());
        ZoneId zone = zones.of(me.timebankId());
        Locale locale = LocaleContextHolder.getLocale();
        List<Line> lines = visits.stream().map(visit -> {
            String day = Dates.day(visit.at().atZone(zone).toLocalDate(), locale);
            return new Line(day, sentence(visit, who.getOrDefault(visit.readerId(), visit.readerId()), day));
        }).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("partly", partly);
        return "privacy/who-looked";
    }

    /** A reason to choose: its code and its words (worded here, so no template builds a key from a value). */
    record Option(String code, String label) {
    }

    /** The radios' words: {@code looked.why.option.SUPPORT_REQUEST}… */
    private static final String OPTION = "looked.why.option.";

    private List<Option> options() {
        return ReadReasonChoice.REASONS.stream().map(r -> new Option(r, text(OPTION + r))).toList();
    }

    @GetMapping("/coordinator/why")
    String why(@RequestParam(defaultValue = "") String then, Model model) {
        model.addAttribute("reasons", options());
        model.addAttribute("chosen", ReadReasonChoice.current().orElse(null));
        model.addAttribute("then", safe(then));
        return "privacy/why";
    }

    @PostMapping("/coordinator/why")
    String choose(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String then,
                  HttpSession session, Model model) {
        if (!ReadReasonChoice.REASONS.contains(reason)) {
            model.addAttribute("reasons", options());
            model.addAttribute("then", safe(then));
            model.addAttribute("errors", List.of(new PageError("reason", text("looked.why.error"))));
            return "privacy/why";
        }
        ReadReasonChoice.choose(session, reason);
        return "redirect:" + safe(then);
    }

    /** Only a page of this portal: never a link elsewhere (an open redirect). */
    static String safe(String then) {
        boolean local = then != null && then.startsWith("/") && !then.startsWith("//") && !then.contains("\\")
                && !then.contains(":") && then.chars().noneMatch(Character::isISOControl);
        return local ? then : "/coordinator/members";
    }

    /** "Alex (coordinator) looked at your contact details on 1 December 2026 because: a support request." */
    private String sentence(Looks.Visit visit, String reader, String day) {
        List<String> what = visit.what().stream().map(w -> words("looked.what." + w, "looked.what.OTHER")).toList();
        String things = what.size() == 1 ? what.get(0)
                : String.join(", ", what.subList(0, what.size() - 1)) + " " + text("looked.and") + " " + what.get(what.size() - 1);
        String role = words("looked.role." + visit.readerRole(), "looked.role.OTHER");
        if ("NOT_GIVEN".equals(visit.why())) {
            return messages.getMessage("looked.line.noReason", new Object[] {reader, role, things, day}, LocaleContextHolder.getLocale());
        }
        String why = words("looked.reason." + visit.why(), "looked.reason.OTHER");
        return messages.getMessage("looked.line", new Object[] {reader, role, things, day, why}, LocaleContextHolder.getLocale());
    }

    private String words(String key, String otherwise) {
        return messages.getMessage(key, null, text(otherwise), LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** A service that cannot answer leaves its looks out, and the page says the list may be short. */
    private static <T> T quietly(Supplier<T> read) {
        try {
            return read.get();
        } catch (ServiceRefusal | ResourceAccessException unavailable) {
            if (unavailable instanceof ServiceRefusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            return null;
        }
    }
}
