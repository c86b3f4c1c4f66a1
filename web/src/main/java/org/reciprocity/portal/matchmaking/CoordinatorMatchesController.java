package org.reciprocity.portal.matchmaking;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * The timebank's matches for a coordinator, one state at a time (waiting for an answer, agreed, done,
 * declined or cancelled), a page of 25 at a time, newest first; each is {@code #match-{id}} so the queue
 * can link to it. An open match can be cancelled with a reason the two members are told.
 */
@Controller
class CoordinatorMatchesController {

    static final List<String> STATES = List.of("proposed", "agreed", "completed", "closed");
    static final Set<String> DONE = Set.of("proposed", "cancelled");
    static final int PAGE = 25;

    private final MatchmakingServices matching;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    CoordinatorMatchesController(MatchmakingServices matching, LayoutAdvice layout, MessageSource messages) {
        this.matching = matching;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/matches")
    String matches(@RequestParam(defaultValue = "proposed") String state, @RequestParam(defaultValue = "0") String page,
                   @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return show(state, page, model);
    }

    @PostMapping("/coordinator/matches/{matchId}/cancel")
    String cancel(@PathVariable String matchId, @RequestParam(defaultValue = "proposed") String state,
                  @RequestParam(defaultValue = "") String reason, Model model) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            model.addAttribute("errors", List.of(new PageError("reason-" + matchId,
                    text(why.isEmpty() ? "cm.error.reason" : "cm.error.reasonTooLong"))));
            model.addAttribute("reasonFor", matchId);
            model.addAttribute("reason", reason);
            return show(state, "0", model);
        }
        try {
            matching.cancel(SignedIn.current().timebankId(), matchId, why);
            return "redirect:/coordinator/matches?state=closed&done=cancelled#match-" + matchId;
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return show(state, "0", model);
        }
    }

    private String show(String state, String page, Model model) {
        String wanted = state.toLowerCase(Locale.ROOT);
        int number = page.matches("\\d{1,4}") ? Integer.parseInt(page) : -1;
        if (!STATES.contains(wanted) || number < 0) {
            // an address nobody wrote by hand but a mistyped one: a clear error, nothing changed
            model.addAttribute("errors", List.of(new PageError(null, text("cm.error.state"))));
            wanted = "proposed";
            number = 0;
        }
        MatchmakingServices.MatchPage found = matching.matches(SignedIn.current().timebankId(), wanted, number, PAGE);
        model.addAttribute("state", wanted);
        model.addAttribute("states", STATES);
        model.addAttribute("found", found);
        model.addAttribute("page", number);
        model.addAttribute("hasNext", (long) (number + 1) * PAGE < found.total());
        return "matchmaking/matches";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
