package org.reciprocity.portal.board;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
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

/**
 * The member's own listings: put an offer or a need on the board, change it, pause it, reopen it,
 * withdraw it. matching-service decides who may (the owner); the portal shows its refusals in the
 * member's words.
 */
@Controller
class MyListingsController {

    /** What a redirect may say was done (anything else in the address is ignored). */
    static final Set<String> DONE = Set.of("published", "edited", "pause", "reopen", "withdraw");
    private static final Set<String> CHANGES = Set.of("pause", "reopen", "withdraw");
    /** How long a new listing stays on the board unless the member says otherwise. */
    private static final int DAYS_ON_THE_BOARD = 30;

    private final BoardServices board;
    private final Zones zones;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    MyListingsController(BoardServices board, Zones zones, LayoutAdvice layout, MessageSource messages) {
        this.board = board;
        this.zones = zones;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/board/mine")
    String mine(@RequestParam(required = false) String done, Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return mine(me, model);
    }

    @GetMapping("/board/mine/new")
    String create(@RequestParam(defaultValue = "") String kind, Model model) {
        ListingForm form = new ListingForm();
        form.setKind(Vocabulary.KINDS.contains(kind) ? kind : null);
        form.expires(today().plusDays(DAYS_ON_THE_BOARD));
        model.addAttribute("form", form);
        model.addAttribute("creating", true);
        return "board/edit";
    }

    @PostMapping("/board/mine/new")
    String publish(@ModelAttribute("form") ListingForm form, Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("creating", true);
        if (!valid(form, true, model)) {
            return "board/edit";
        }
        try {
            BoardServices.Listing published = board.publish(me.timebankId(), form.getRequestId(),
                    form.content(zone(), true));
            return "redirect:/board/listings/" + published.id() + "?done=published";
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model);
        }
    }

    @GetMapping("/board/listings/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        SignedIn me = SignedIn.current();
        BoardServices.Listing listing = board.listing(me.timebankId(), id);
        if (!me.memberId().equals(listing.ownerId())) {
            throw new ServiceRefusal(403, "not-yours", null);
        }
        model.addAttribute("form", ListingForm.of(listing, zone()));
        model.addAttribute("listingId", id);
        model.addAttribute("creating", false);
        return "board/edit";
    }

    @PostMapping("/board/listings/{id}/edit")
    String change(@PathVariable String id, @ModelAttribute("form") ListingForm form, Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("listingId", id);
        model.addAttribute("creating", false);
        if (!valid(form, false, model)) {
            return "board/edit";
        }
        try {
            board.edit(me.timebankId(), id, form.content(zone(), false));
            return "redirect:/board/listings/" + id + "?done=edited";
        } catch (ServiceRefusal refusal) {
            return refused(refusal, model);
        }
    }

    /** Pause, reopen or withdraw: a button on the listing's page and on the member's list. */
    @PostMapping("/board/listings/{id}/{change:pause|reopen|withdraw}")
    String changeStatus(@PathVariable String id, @PathVariable String change, Model model) {
        SignedIn me = SignedIn.current();
        if (!CHANGES.contains(change)) {
            throw new ServiceRefusal(404, "not-found", null);
        }
        try {
            board.change(me.timebankId(), id, change);
            return "redirect:/board/mine?done=" + change;
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return mine(me, model);
        }
    }

    private String mine(SignedIn me, Model model) {
        model.addAttribute("listings", board.mine(me.timebankId(), me.memberId()));
        return "board/mine";
    }

    private boolean valid(ListingForm form, boolean creating, Model model) {
        List<PageError> problems = form.problems(creating, today());
        if (problems.isEmpty()) {
            return true;
        }
        List<PageError> errors = problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList();
        model.addAttribute("errors", errors);
        // each field shows its own message too (GOV.UK error message), the first for a field that has two
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.text()));
        model.addAttribute("fieldErrors", byField);
        return false;
    }

    private String refused(ServiceRefusal refusal, Model model) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
            throw refusal;
        }
        model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
        return "board/edit";
    }

    private ZoneId zone() {
        return zones.of(SignedIn.current().timebankId());
    }

    private LocalDate today() {
        return LocalDate.now(zone());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
