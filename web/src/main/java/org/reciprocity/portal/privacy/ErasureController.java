package org.reciprocity.portal.privacy;

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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;

/**
 * Issue 18: a member asks for their data to be deleted. The page says plainly what goes, what stays
 * (the hours, without the name, so others' balances still add up) and that they will not sign in
 * again; a box to tick means one click cannot ask by mistake. An admin then erases (ErasureAdminController).
 */
@Controller
class ErasureController {

    static final String UNDERSTOOD = "understood";

    private final Erasures erasures;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final Zones zones;

    ErasureController(Erasures erasures, LayoutAdvice layout, MessageSource messages, Zones zones) {
        this.zones = zones;
        this.erasures = erasures;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/my-data/erasure")
    String page(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("askedOn", asked(me).map(s -> day(me, s.requestedAt())).orElse(null));
        return "privacy/erasure";
    }

    @PostMapping("/my-data/erasure")
    String ask(@RequestParam(name = UNDERSTOOD, defaultValue = "") String understood, Model model) {
        SignedIn me = SignedIn.current();
        if (!"yes".equals(understood)) {
            model.addAttribute("errors", List.of(new PageError(UNDERSTOOD, text("erasure.error.understood"))));
            return page(model);
        }
        try {
            erasures.ask(me.timebankId(), me.memberId());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, UNDERSTOOD)));
            return page(model);
        }
        return "redirect:/my-data/erasure/sent";
    }

    @GetMapping("/my-data/erasure/sent")
    String sent() {
        return "privacy/erasure-sent";
    }

    /** What the ledger says of an earlier request; a ledger that cannot say leaves the form to ask (asking again changes nothing). */
    private Optional<Erasures.Status> asked(SignedIn me) {
        try {
            return erasures.status(me.timebankId(), me.memberId()).filter(s -> s.requestedAt() != null);
        } catch (ServiceRefusal | ResourceAccessException unknown) {
            if (unknown instanceof ServiceRefusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            return Optional.empty();
        }
    }

    /** A day in the timebank's zone, in the reader's language. */
    private String day(SignedIn me, java.time.Instant at) {
        return Dates.day(at.atZone(zones.of(me.timebankId())).toLocalDate(), LocaleContextHolder.getLocale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
