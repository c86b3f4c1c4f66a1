package org.reciprocity.portal.matchmaking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The batch planner for a coordinator: run it over the open needs and offers, review its proposals side
 * by side (need, proposed helper, reasons), keep or drop each (all kept until unticked), send the kept
 * ones. matching marks a plan sent before it proposes anything, so a plan is sent once however often the
 * form is submitted; the form also carries a key chosen when it was shown.
 */
@Controller
class PlansController {

    /** The most proposals one review shows: a plan over a whole timebank can hold far more than a page can. */
    static final int SHOWN = 100;

    private final MatchmakingServices matching;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    PlansController(MatchmakingServices matching, LayoutAdvice layout, MessageSource messages) {
        this.matching = matching;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/plans/new")
    String start(Model model) {
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "matchmaking/plan-new";
    }

    @PostMapping("/coordinator/plans/new")
    String run(@RequestParam(defaultValue = "") String requestId, Model model) {
        try {
            MatchmakingServices.Plan plan = matching.runPlanner(SignedIn.current().timebankId(), requestId);
            return "redirect:/coordinator/plans/" + plan.id();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            model.addAttribute("requestId", UUID.randomUUID().toString());
            return "matchmaking/plan-new";
        }
    }

    @GetMapping("/coordinator/plans/{planId}")
    String review(@PathVariable String planId, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", "sent".equals(done) ? done : null);
        return show(planId, null, model);
    }

    @PostMapping("/coordinator/plans/{planId}/send")
    String send(@PathVariable String planId, @RequestParam(defaultValue = "") String requestId,
                @RequestParam(name = "keep", required = false) List<String> keep, Model model) {
        Set<Integer> kept = new TreeSet<>();
        boolean unreadable = false;
        for (String k : keep == null ? List.<String>of() : keep) {
            if (k != null && k.matches("\\d{1,4}") && Integer.parseInt(k) < SHOWN) {
                kept.add(Integer.parseInt(k));
            } else {
                unreadable = true;
            }
        }
        if (kept.isEmpty() || unreadable) {
            // matching reads "keep nothing" as "send them all": an empty choice must never reach it
            model.addAttribute("errors", List.of(new PageError("keep-0", text(unreadable ? "cm.error.keepUnknown"
                    : "cm.error.keepOne"))));
            return show(planId, kept, model);
        }
        try {
            matching.send(SignedIn.current().timebankId(), planId, requestId, kept);
            return "redirect:/coordinator/plans/" + planId + "?done=sent";
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return show(planId, kept, model);
        }
    }

    private String show(String planId, Set<Integer> kept, Model model) {
        if (!SuggestionsController.ID.matcher(planId).matches()) {
            throw new ServiceRefusal(404, "not-found", null);
        }
        MatchmakingServices.Plan plan = matching.plan(SignedIn.current().timebankId(), planId);
        List<MatchmakingServices.Proposal> proposals = plan.proposals() == null ? List.of() : plan.proposals();
        model.addAttribute("plan", plan);
        model.addAttribute("proposals", proposals.size() > SHOWN ? proposals.subList(0, SHOWN) : proposals);
        model.addAttribute("hidden", Math.max(0, proposals.size() - SHOWN));
        model.addAttribute("kept", kept);
        model.addAttribute("requestId", UUID.randomUUID().toString());
        List<Integer> skipped = new ArrayList<>();
        if (plan.skipped() != null) {
            plan.skipped().forEach(s -> skipped.add(s.proposal()));
        }
        model.addAttribute("skippedAt", skipped);
        return "matchmaking/plan";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
