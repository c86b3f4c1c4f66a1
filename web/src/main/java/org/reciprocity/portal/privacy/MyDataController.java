package org.reciprocity.portal.privacy;

import java.util.List;
import java.util.Map;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your data" (issue 18): what we keep about the member and what they allow. For now it leads to
 * the consents page, who looked and the request to delete the member's data ({@link #SECTIONS}).
 * The consents page is one form of four yes/no questions, each saying when and how it was last
 * answered; it works without JavaScript, and only the answers that changed are sent.
 */
@Controller
class MyDataController {

    /** A link on "Your data": its address and the message keys of its words. */
    record Section(String id, String href, String linkKey, String hintKey) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("consents-link", "/my-data/consents", "privacy.consents.link", "privacy.consents.linkHint"),
            new Section("who-looked-link", "/my-data/who-looked", "looked.link", "looked.linkHint"),
            new Section("export-link", "/my-data/export", "dataExport.link", "dataExport.linkHint"),
            new Section("erasure-link", "/my-data/erasure", "erasure.link", "erasure.linkHint"));

    private final ConsentAnswers answers;
    private final LayoutAdvice layout;

    MyDataController(ConsentAnswers answers, LayoutAdvice layout) {
        this.answers = answers;
        this.layout = layout;
    }

    @GetMapping("/my-data")
    String myData(Model model) {
        model.addAttribute("sections", SECTIONS);
        return "privacy/my-data";
    }

    @GetMapping("/my-data/consents")
    String consents(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("questions", answers.questions(me.timebankId(), me.memberId()));
        model.addAttribute("action", "/my-data/consents");
        return "privacy/consents";
    }

    @PostMapping("/my-data/consents")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        int changed;
        try {
            changed = answers.save(me.timebankId(), me.memberId(), form);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, "consent-" + ConsentAnswers.CONSENTS.get(0))));
            return consents(model);
        }
        after.addFlashAttribute("done", changed == 0 ? "unchanged" : "saved");
        return "redirect:/my-data/consents";
    }
}
