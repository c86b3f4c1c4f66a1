package org.reciprocity.portal.profile;

import java.util.List;
import java.util.Optional;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.services.Dtos.OwnProfile;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My profile, to read: what I offer, when and how, my accessibility needs and who may see them; and a
 * pause (no new matches for a while, without penalty). Links lead to changing it, to how I am told of
 * things, my language and my supporters.
 */
@Controller
class ProfileController {

    private final Services services;
    private final LayoutAdvice layout;
    private final AccessibilityConsent accessibility;

    ProfileController(Services services, LayoutAdvice layout, AccessibilityConsent accessibility) {
        this.services = services;
        this.layout = layout;
        this.accessibility = accessibility;
    }

    /**
     * Once the member answered who sees their accessibility needs, "Other members also see" leaves
     * them out and a row of their own says the answer, with a link to where it is changed.
     */
    @GetMapping("/profile")
    String profile(Model model) {
        SignedIn me = SignedIn.current();
        OwnProfile profile = services.ownProfile(me.timebankId(), me.memberId());
        Optional<Boolean> answer = accessibility.answer(me.timebankId(), me.memberId());
        List<String> shared = profile.sharedWithMembers() == null ? List.of() : profile.sharedWithMembers().stream()
                .filter(field -> answer.isEmpty() || !AccessibilityConsent.FIELD.equals(field)).toList();
        model.addAttribute("profile", profile);
        model.addAttribute("sharedShown", shared);
        model.addAttribute("accessibilityConsent", answer.orElse(null));
        return "profile";
    }

    @PostMapping("/profile/pause")
    String pause(Model model, RedirectAttributes after) {
        return pause(true, model, after);
    }

    @PostMapping("/profile/resume")
    String resume(Model model, RedirectAttributes after) {
        return pause(false, model, after);
    }

    private String pause(boolean pause, Model model, RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        try {
            services.pause(me.timebankId(), me.memberId(), pause);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return profile(model);
        }
        after.addFlashAttribute("done", pause ? "paused" : "resumed");
        return "redirect:/profile";
    }
}
