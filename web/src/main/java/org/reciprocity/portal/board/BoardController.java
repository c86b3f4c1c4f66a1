package org.reciprocity.portal.board;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Names;
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
 * The offers-and-needs board: search words and filters (offer or need, category, in person or online,
 * area, time of day), a listing's page, and answering it ("I can help" / "I'd like this"), which
 * proposes a match. Everything is a plain form: it works with JavaScript off.
 */
@Controller
class BoardController {

    private final BoardServices board;
    private final Names names;
    private final LayoutAdvice layout;
    private final MessageSource messages;

    BoardController(BoardServices board, Names names, LayoutAdvice layout, MessageSource messages) {
        this.board = board;
        this.names = names;
        this.layout = layout;
        this.messages = messages;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @GetMapping("/board")
    String board(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String mode,
                 @RequestParam(defaultValue = "") String district, @RequestParam(defaultValue = "") String time,
                 Model model) {
        String tb = SignedIn.current().timebankId();
        BoardFilters filters = BoardFilters.of(q, kind, category, mode, district, time);
        BoardServices.Found found = board.search(tb, filters);
        model.addAttribute("filters", filters);
        // the names the page used before filters had a record of their own
        model.addAttribute("q", filters.q());
        model.addAttribute("kind", filters.kind());
        model.addAttribute("mode", filters.mode());
        model.addAttribute("district", filters.district());
        model.addAttribute("kinds", Vocabulary.KINDS);
        model.addAttribute("modes", Vocabulary.MODES);
        model.addAttribute("categories", Vocabulary.CATEGORIES);
        model.addAttribute("times", Vocabulary.TIMES);
        model.addAttribute("found", found);
        model.addAttribute("names", names.of(tb, found.listings().stream().map(BoardServices.Listing::ownerId)
                .distinct().toList()));
        return "board";
    }

    @GetMapping("/board/listings/{id}")
    String listing(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        return show(id, done, model);
    }

    /**
     * Answers a listing: for a need, the member offers to help (they are the giver); for an offer, the
     * member asks for it through one of their own needs. Either way matching records a proposal that
     * counts as the member's yes, and the listing's owner is asked.
     */
    @PostMapping("/board/listings/{id}/answer")
    String answer(@PathVariable String id, @RequestParam(defaultValue = "") String requestId,
                  @RequestParam(defaultValue = "") String needId, Model model) {
        SignedIn me = SignedIn.current();
        String tb = me.timebankId();
        try {
            BoardServices.Listing listing = board.listing(tb, id);
            if (listing.need()) {
                board.propose(tb, requestId, listing.id(), null, me.memberId());
            } else {
                if (needId.isBlank()) {
                    model.addAttribute("errors", List.of(new PageError("needId", text("board.error.needId"))));
                    return show(id, null, model);
                }
                board.propose(tb, requestId, needId, listing.id(), null);
            }
            return "redirect:/matches?done=proposed";
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 404) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return show(id, null, model);
        }
    }

    /** Suggestions are a help, not the page: when matching cannot give them, the page shows none. */
    private List<BoardServices.Suggestion> suggestions(String tb, String id) {
        try {
            return board.suggestions(tb, id, 5);
        } catch (ServiceRefusal | org.springframework.web.client.ResourceAccessException none) {
            return List.of();
        }
    }

    private String show(String id, String done, Model model) {
        SignedIn me = SignedIn.current();
        String tb = me.timebankId();
        BoardServices.Listing listing = board.listing(tb, id);
        boolean mine = me.memberId().equals(listing.ownerId());
        model.addAttribute("listing", listing);
        model.addAttribute("mine", mine);
        model.addAttribute("ownerName", names.name(tb, listing.ownerId()));
        model.addAttribute("requestId", UUID.randomUUID().toString());
        model.addAttribute("done", done != null && MyListingsController.DONE.contains(done) ? done : null);
        List<BoardServices.Listing> myNeeds = new ArrayList<>();
        if (!mine && !listing.need()) {
            myNeeds.addAll(board.mine(tb, me.memberId()).stream()
                    .filter(l -> l.need() && l.open()).toList());
        }
        model.addAttribute("myNeeds", myNeeds);
        model.addAttribute("suggestions", mine && listing.open() ? suggestions(tb, id) : List.of());
        return "board/listing";
    }
}
