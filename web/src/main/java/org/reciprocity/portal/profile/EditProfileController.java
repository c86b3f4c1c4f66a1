package org.reciprocity.portal.profile;

import java.util.List;
import java.util.Locale;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing my profile: what I offer, languages, when I am free, my area, how I can help, accessibility
 * needs and what other members may see. One page, one save; bad input is shown back and nothing changes.
 */
@Controller
class EditProfileController {

    private final Services services;
    private final ProfileServices profiles;
    private final LayoutAdvice layout;
    private final MessageSource messages;
    private final AccessibilityConsent accessibility;

    EditProfileController(Services services, ProfileServices profiles, LayoutAdvice layout, MessageSource messages,
                          AccessibilityConsent accessibility) {
        this.services = services;
        this.profiles = profiles;
        this.layout = layout;
        this.messages = messages;
        this.accessibility = accessibility;
    }

    @GetMapping("/profile/edit")
    String form(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("form", ProfileForm.of(services.ownProfile(me.timebankId(), me.memberId())));
        return page(model);
    }

    @PostMapping("/profile/edit")
    String save(@ModelAttribute("form") ProfileForm form, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        List<PageError> problems = form.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems.stream().map(p -> new PageError(p.field(), text(p.text()))).toList());
            return page(model);
        }
        try {
            profiles.update(me.timebankId(), me.memberId(), form.request());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, fieldOf(refusal.code()))));
            return page(model);
        }
        after.addFlashAttribute("done", "saved");
        return "redirect:/profile";
    }

    /**
     * Once the member answered who sees their accessibility needs (issue 18), that box is not offered:
     * the page says where the answer is changed, and a hidden field keeps the stored box as it was, so
     * saving the page changes nothing about it.
     */
    private String page(Model model) {
        SignedIn me = SignedIn.current();
        boolean answered = accessibility.answer(me.timebankId(), me.memberId()).isPresent();
        model.addAttribute("skills", ProfileForm.SKILLS);
        model.addAttribute("parts", ProfileForm.PARTS);
        model.addAttribute("modes", ProfileForm.MODES);
        model.addAttribute("shareable", answered ? ProfileForm.SHAREABLE.stream()
                .filter(field -> !AccessibilityConsent.FIELD.equals(field)).toList() : ProfileForm.SHAREABLE);
        model.addAttribute("accessibilityAnswered", answered);
        return "profile/edit";
    }

    /** Which field a refusal of matching's is about, so the error summary links to it. */
    static String fieldOf(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (c.contains("district")) {
            return "district";
        }
        if (c.contains("tag")) {
            return "tags";
        }
        if (c.contains("language")) {
            return "languages";
        }
        if (c.contains("access") || c.contains("need")) {
            return "accessibilityNeeds";
        }
        if (c.contains("slot")) {
            return "availability";
        }
        if (c.contains("mode")) {
            return "modes";
        }
        if (c.contains("categor")) {
            return "skills";
        }
        if (c.contains("shareable")) {
            return "shared";
        }
        return null;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
