package org.reciprocity.portal.privacy;

import java.util.List;
import java.util.Map;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 18: a coordinator writes down, on a member's behalf, the consents the member gave or
 * withdrew on paper (a paper-first member, or one who asked in person). The same four questions as
 * the member's own page; the ledger records them as given "on paper, with a coordinator".
 */
@Controller
class PaperConsentsController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final ConsentAnswers answers;
    private final Names names;
    private final LayoutAdvice layout;

    PaperConsentsController(ConsentAnswers answers, Names names, LayoutAdvice layout) {
        this.answers = answers;
        this.names = names;
        this.layout = layout;
    }

    @GetMapping("/coordinator/members/{memberId}/consents")
    String consents(@PathVariable String memberId, Model model) {
        String tb = tb(memberId);
        model.addAttribute("questions", answers.questions(tb, memberId));
        model.addAttribute("action", "/coordinator/members/" + memberId + "/consents");
        model.addAttribute("paperFor", names.name(tb, memberId));
        model.addAttribute("memberId", memberId);
        return "privacy/consents";
    }

    @PostMapping("/coordinator/members/{memberId}/consents")
    String save(@PathVariable String memberId, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes after) {
        String tb = tb(memberId);
        int changed;
        try {
            changed = answers.save(tb, memberId, form);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "consent-" + ConsentAnswers.CONSENTS.get(0))));
            return consents(memberId, model);
        }
        after.addFlashAttribute("done", changed == 0 ? "unchanged" : "saved");
        return "redirect:/coordinator/members/" + memberId + "/consents";
    }

    private static String tb(String memberId) {
        if (!memberId.matches(ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return SignedIn.current().timebankId();
    }
}
