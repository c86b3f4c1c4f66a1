package org.reciprocity.portal.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Hours;
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
 * A contribution as a coordinator handles it: a dispute settled (as logged or with other minutes) or
 * turned down, with words both members see; time confirmed for a member who cannot, with the reason
 * recorded; a posted transfer reversed with a reason. The ledger decides; the page offers what fits
 * the contribution's state.
 */
@Controller
class CaseworkController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";
    static final Set<String> DONE = Set.of("resolved", "rejected", "confirmed", "reversed");

    private final CaseworkServices casework;
    private final Services services;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    CaseworkController(CaseworkServices casework, Services services, Names names, LayoutAdvice layout,
                       MessageSource messages) {
        this.casework = casework;
        this.services = services;
        this.names = names;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/contributions/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "") String done, Model model) {
        if (DONE.contains(done)) {
            model.addAttribute("done", done);
        }
        return page(id, model);
    }

    private String page(String id, Model model) {
        requireId(id);
        CaseworkServices.Case c = casework.contribution(tb(), id);
        model.addAttribute("c", c);
        Map<String, String> shown = new HashMap<>();
        List<String> people = new java.util.ArrayList<>(java.util.Arrays.asList(c.giverId(), c.receiverId(), c.actorId()));
        if (c.decidedBy() != null) {
            people.add(c.decidedBy());
        }
        if (c.groupActivityId() != null) {
            // the receiver of an attendance is an organisation: named by the ledger, not by matching
            try {
                services.organisations(tb()).stream().filter(o -> o.id().equals(c.receiverId()))
                        .forEach(o -> shown.put(o.id(), o.name()));
            } catch (ServiceRefusal notListed) {
                // shown by id
            }
        }
        people.removeIf(p -> p == null || shown.containsKey(p));
        shown.putAll(names.of(tb(), people));
        shown.put(SignedIn.current().memberId(), text("members.record.you"));
        model.addAttribute("names", shown);
        model.addAttribute("amendHours", String.valueOf(c.minutes() / 60));
        model.addAttribute("amendMinutes", String.valueOf(c.minutes() % 60));
        return "casework/contribution";
    }

    @PostMapping("/coordinator/contributions/{id}/resolve")
    String resolve(@PathVariable String id, @RequestParam(defaultValue = "") String hours,
                   @RequestParam(defaultValue = "") String minutes, @RequestParam(defaultValue = "") String note,
                   Model model) {
        requireId(id);
        Long amended = Hours.parse(hours, minutes);
        if (amended == null || amended < 1 || amended > 1440) {
            return refused(id, model, new PageError("hours", text("hours.error.time")), hours, minutes);
        }
        if (note.isBlank() || note.length() > 500) {
            return refused(id, model, new PageError("resolve-note", text("casework.error.note")), hours, minutes);
        }
        return act(id, model, "resolved", "hours", () -> casework.resolve(tb(), id, amended, note.strip()));
    }

    @PostMapping("/coordinator/contributions/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        requireId(id);
        if (reason.isBlank() || reason.length() > 500) {
            return refused(id, model, new PageError("reject-reason", text("casework.error.reason")), null, null);
        }
        return act(id, model, "rejected", "reject-reason", () -> casework.reject(tb(), id, reason.strip()));
    }

    @PostMapping("/coordinator/contributions/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        requireId(id);
        if (reason.isBlank() || reason.length() > 500) {
            return refused(id, model, new PageError("confirm-reason", text("casework.error.reason")), null, null);
        }
        return act(id, model, "confirmed", "confirm-reason", () -> casework.confirmOnBehalf(tb(), id, reason.strip()));
    }

    @PostMapping("/coordinator/contributions/{id}/reverse")
    String reverse(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
        requireId(id);
        if (reason.isBlank() || reason.length() > 500) {
            return refused(id, model, new PageError("reverse-reason", text("casework.error.reason")), null, null);
        }
        CaseworkServices.Case c = casework.contribution(tb(), id);
        if (!c.posted()) {
            return refused(id, model, new PageError(null, text("casework.error.notPosted")), null, null);
        }
        return act(id, model, "reversed", "reverse-reason", () -> casework.reverse(tb(), c.transferId(), reason.strip()));
    }

    private String act(String id, Model model, String done, String field, Runnable command) {
        try {
            command.run();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 404) {
                throw refusal;
            }
            return refused(id, model, layout.errorOf(refusal, field), null, null);
        }
        return "redirect:/coordinator/contributions/" + id + "?done=" + done;
    }

    private String refused(String id, Model model, PageError error, String hours, String minutes) {
        String view = page(id, model);
        model.addAttribute("errors", List.of(error));
        if (hours != null) {
            model.addAttribute("amendHours", hours);
            model.addAttribute("amendMinutes", minutes);
        }
        return view;
    }

    private static void requireId(String id) {
        if (!id.matches(ID)) {
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
