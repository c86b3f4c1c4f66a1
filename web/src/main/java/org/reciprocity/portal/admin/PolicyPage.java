package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Hours;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timebank's policy as a form: each setting with what it means for members in words, worked out
 * from the value saved. Bad input is shown back with what to fix and nothing is sent to the ledger.
 */
@Controller
class PolicyPage {

    private final AdminServices admin;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    PolicyPage(AdminServices admin, LayoutAdvice layout, MessageSource messages) {
        this.admin = admin;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/admin/policy")
    String show(@RequestParam(defaultValue = "false") boolean saved, Model model) {
        AdminServices.Policy policy = admin.policy(SignedIn.current().timebankId());
        model.addAttribute("form", PolicyForm.of(policy));
        model.addAttribute("means", meanings(policy));
        model.addAttribute("saved", saved);
        return "admin/policy";
    }

    @PostMapping("/admin/policy")
    String save(@RequestParam Map<String, String> typed, Model model) {
        String tb = SignedIn.current().timebankId();
        AdminServices.Policy current = admin.policy(tb);
        PolicyForm form = new PolicyForm(typed);
        model.addAttribute("form", form);
        model.addAttribute("means", meanings(current));
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            List<PageError> errors = new ArrayList<>();
            problems.forEach((field, key) -> errors.add(new PageError(field, text(key))));
            model.addAttribute("errors", errors);
            model.addAttribute("fieldErrors", fieldErrors(errors));
            return "admin/policy";
        }
        try {
            admin.setPolicy(tb, form.applyTo(current));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return "admin/policy";
        }
        return "redirect:/admin/policy?saved=true";
    }

    /** What each setting means, in the reader's words: "Members may go down to -20 h." */
    private Map<String, String> meanings(AdminServices.Policy p) {
        Map<String, String> means = new HashMap<>();
        means.put("memberMinimum", text("admin.policy.memberMinimum.means", Hours.of(p.memberMinimumMinutes())));
        means.put("memberMaximum", text("admin.policy.memberMaximum.means", Hours.of(p.memberMaximumMinutes())));
        means.put("organisationMinimum", text("admin.policy.organisationMinimum.means", Hours.of(p.organisationMinimumMinutes())));
        means.put("warningMargin", p.warningMarginMinutes() == 0 ? text("admin.policy.warningMargin.off")
                : text("admin.policy.warningMargin.means", Hours.of(p.warningMarginMinutes())));
        means.put("validationWindowDays", text("admin.policy.window.means", p.validationWindowDays()));
        means.put("reminders", p.reminderHoursBeforeDeadline().isEmpty() ? text("admin.policy.reminders.none")
                : text("admin.policy.reminders.means", String.join(", ",
                        p.reminderHoursBeforeDeadline().stream().map(h -> Hours.of(h * 60)).toList())));
        return means;
    }

    static Map<String, String> fieldErrors(List<PageError> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.put(e.field(), e.text()));
        return byField;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
