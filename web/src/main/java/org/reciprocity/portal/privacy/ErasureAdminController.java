package org.reciprocity.portal.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 18: the admin's side of erasure (the path keeps it to admins, SecurityConfiguration; the
 * ledger checks again). Who asked; one member's page with a required tick before "Erase this member"
 * (one click cannot erase); the ledger's refusal in the reader's words; then each of the five services
 * with its confirmation, "Check again" being a plain link, so it works without JavaScript.
 */
@Controller
class ErasureAdminController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";
    static final String SURE = "sure";
    private static final String FORMER_MEMBER_CELL = "erasure.formerMember.cell";

    private final Erasures erasures;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final Zones zones;

    ErasureAdminController(Erasures erasures, LayoutAdvice layout, MessageSource messages, Zones zones) {
        this.zones = zones;
        this.erasures = erasures;
        this.layout = layout;
        this.messages = messages;
    }

    /** One line of the list: who asked, named as the ledger names them (a former member once erased), and when. */
    record Asked(String memberId, String name, String askedOn) {
    }

    @GetMapping("/admin/erasures")
    String list(Model model) {
        List<Asked> asked = erasures.requests(tb()).stream()
                .map(r -> new Asked(r.memberId(), cell(r.displayName()), day(r.requestedAt()))).toList();
        model.addAttribute("asked", asked);
        return "privacy/erasures";
    }

    /** A service's line in the status table: its words, and when it confirmed (null = waiting). */
    record Line(String service, String words, Instant confirmedAt) {
    }

    @GetMapping("/admin/members/{memberId}/erasure")
    String member(@PathVariable String memberId, Model model) {
        requireId(memberId);
        Erasures.Member member = erasures.member(tb(), memberId);
        Optional<Erasures.Status> status = erasures.status(tb(), memberId);
        model.addAttribute("memberId", memberId);
        boolean erased = member == null || member.isErased();
        // the cell starts with the name ("A former member"); the sentence of the tick box has it inside
        model.addAttribute("name", erased ? text(FORMER_MEMBER_CELL) : cell(member.displayName()));
        model.addAttribute("nameInSentence", erased ? text("erasure.formerMember") : shown(member.displayName()));
        model.addAttribute("requestedAt", status.map(Erasures.Status::requestedAt).orElse(null));
        Optional<Erasures.Status> started = status.filter(s -> s.erasedAt() != null);
        model.addAttribute("erasedAt", started.map(Erasures.Status::erasedAt).orElse(null));
        model.addAttribute("done", started.map(Erasures.Status::done).orElse(false));
        model.addAttribute("lines", started.map(s -> s.allFive().stream()
                .map(one -> new Line(one.service(), serviceWords(one.service()), one.confirmedAt())).toList()).orElse(List.of()));
        return "privacy/erase-member";
    }

    @PostMapping("/admin/members/{memberId}/erasure")
    String erase(@PathVariable String memberId, @RequestParam(name = SURE, defaultValue = "") String sure, Model model) {
        requireId(memberId);
        if (!"yes".equals(sure)) {
            model.addAttribute("errors", List.of(new PageError(SURE, text("erasure.error.sure"))));
            return member(memberId, model);
        }
        try {
            erasures.erase(tb(), memberId);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            // erasure-waits-for-open-contributions, cannot-erase-yourself: the ledger's words, in the reader's language
            model.addAttribute("errors", List.of(layout.errorOf(refusal, SURE)));
            return member(memberId, model);
        }
        return "redirect:/admin/members/" + memberId + "/erasure";
    }

    /** The part of the timebank a service looks after, in plain words ({@code erasure.service.ledger}…). */
    private String serviceWords(String service) {
        String key = "erasure.service." + service.replace("-service", "");
        return messages.getMessage(key, null, service, LocaleContextHolder.getLocale());
    }

    /** A day in the timebank's zone, in the reader's language. */
    private String day(Instant at) {
        return at == null ? "" : Dates.day(at.atZone(zones.of(tb())).toLocalDate(), LocaleContextHolder.getLocale());
    }

    /** A name that begins a cell or a line: an erased member's words start with a capital there. */
    private String cell(String displayName) {
        return displayName == null || displayName.isBlank() ? text(FORMER_MEMBER_CELL) : displayName;
    }

    private String shown(String displayName) {
        return displayName == null || displayName.isBlank() ? text("erasure.formerMember") : displayName;
    }

    private static void requireId(String memberId) {
        if (!memberId.matches(ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String tb() {
        return SignedIn.current().timebankId();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
