package org.reciprocity.portal.matchmaking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * A listing's suggestions for a coordinator: the listing in brief, the ranked suggestions with their
 * reasons, "propose this match" on each (one form, one key chosen when the page was shown, so a double
 * submit proposes once), and who is not suggested and why. One call to matching makes the page.
 */
@Controller
class SuggestionsController {

    static final int SHOWN = 10;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final MatchmakingServices matching;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    SuggestionsController(MatchmakingServices matching, LayoutAdvice layout, MessageSource messages) {
        this.matching = matching;
        this.layout = layout;
        this.messages = messages;
    }

    @GetMapping("/coordinator/listings/{listingId}/suggestions")
    String suggestions(@PathVariable String listingId, Model model) {
        return show(listingId, model);
    }

    @PostMapping("/coordinator/listings/{listingId}/suggestions")
    String propose(@PathVariable String listingId, @RequestParam(defaultValue = "") String requestId,
                   @RequestParam(defaultValue = "") String needListingId,
                   @RequestParam(defaultValue = "") String offerListingId,
                   @RequestParam(defaultValue = "") String giverId, Model model) {
        boolean offerOrGiver = ID.matcher(offerListingId).matches() || ID.matcher(giverId).matches();
        if (!ID.matcher(listingId).matches() || !ID.matcher(needListingId).matches() || !offerOrGiver
                || (!listingId.equals(needListingId) && !listingId.equals(offerListingId))) {
            model.addAttribute("errors", List.of(new PageError(null, text("cm.error.choose"))));
            return show(listingId, model);
        }
        try {
            MatchmakingServices.Match match = matching.propose(SignedIn.current().timebankId(), requestId, needListingId,
                    blankToNull(offerListingId), blankToNull(giverId));
            return "redirect:/coordinator/matches?state=proposed&done=proposed#match-" + match.id();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return show(listingId, model);
        }
    }

    private String show(String listingId, Model model) {
        if (!ID.matcher(listingId).matches()) {
            throw new ServiceRefusal(404, "not-found", null);
        }
        MatchmakingServices.View view = matching.suggestions(SignedIn.current().timebankId(), listingId, SHOWN);
        model.addAttribute("view", view);
        model.addAttribute("listing", view.listing());
        // one key per suggestion, chosen now: sending the same form twice proposes once
        Map<String, String> keys = new HashMap<>();
        for (MatchmakingServices.Suggestion s : view.suggestions()) {
            keys.put(s.memberId() + "/" + s.listingId(), UUID.randomUUID().toString());
        }
        model.addAttribute("keys", keys);
        return "matchmaking/suggestions";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
