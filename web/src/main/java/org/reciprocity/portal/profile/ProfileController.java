package org.reciprocity.portal.profile;

import java.util.List;
import org.reciprocity.portal.layout.LayoutAdvice;
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

    ProfileController(Services services, LayoutAdvice layout) {
        this.services = services;
        this.layout = layout;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("profile", services.ownProfile(me.timebankId(), me.memberId()));
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
