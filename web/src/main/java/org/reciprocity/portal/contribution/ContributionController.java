package org.reciprocity.portal.contribution;

import java.util.List;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos.Contribution;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What was logged, and what the member may do with it: the other side confirms (with a thank-you note)
 * or disputes; whoever logged it withdraws it. The ledger decides; the page only offers what fits.
 */
@Controller
class ContributionController {

    private final Services services;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    ContributionController(Services services, Names names, LayoutAdvice layout, MessageSource messages) {
        this.services = services;
        this.names = names;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/contributions/{id}")
    String show(@PathVariable String id, Model model) {
        return page(id, model);
    }

    @PostMapping("/contributions/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String note, Model model,
                   RedirectAttributes after) {
        if (note.length() > 500) {
            return refused(id, model, new PageError("note", text("contribution.error.tooLong")));
        }
        return act(id, model, after, "confirmed", "note", () -> services.confirm(tb(), id, note.strip()));
    }

    @PostMapping("/contributions/{id}/dispute")
    String dispute(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model,
                   RedirectAttributes after) {
        if (reason.isBlank() || reason.length() > 500) {
            return refused(id, model, new PageError("reason", text("contribution.error.reason")));
        }
        return act(id, model, after, "disputed", "reason", () -> services.dispute(tb(), id, reason.strip()));
    }

    @PostMapping("/contributions/{id}/withdraw")
    String withdraw(@PathVariable String id, Model model, RedirectAttributes after) {
        return act(id, model, after, "withdrawn", null, () -> services.withdraw(tb(), id));
    }

    private String act(String id, Model model, RedirectAttributes after, String done, String field, Runnable command) {
        try {
            command.run();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 && "not-permitted".equals(refusal.code())
                    && !canSee(id)) {
                throw refusal;
            }
            return refused(id, model, layout.errorOf(refusal, field));
        }
        after.addFlashAttribute("done", done);
        return "redirect:/contributions/" + id;
    }

    private boolean canSee(String id) {
        try {
            services.contribution(tb(), id);
            return true;
        } catch (ServiceRefusal refusal) {
            return false;
        }
    }

    private String refused(String id, Model model, PageError error) {
        model.addAttribute("errors", List.of(error));
        return page(id, model);
    }

    private String page(String id, Model model) {
        SignedIn me = SignedIn.current();
        Contribution c = services.contribution(me.timebankId(), id);
        boolean open = "LOGGED".equals(c.state());
        model.addAttribute("c", c);
        model.addAttribute("names", names.of(me.timebankId(), List.of(c.giverId(), c.receiverId())));
        model.addAttribute("iGave", me.memberId().equals(c.giverId()));
        model.addAttribute("canConfirm", open && me.memberId().equals(c.awaitingValidationBy()));
        model.addAttribute("canWithdraw", open && me.memberId().equals(c.actorId()));
        return "contribution/show";
    }

    private static String tb() {
        return SignedIn.current().timebankId();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
