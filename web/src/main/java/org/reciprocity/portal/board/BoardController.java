package org.reciprocity.portal.board;

import java.util.List;
import org.reciprocity.portal.services.Dtos.Listings;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The offers-and-needs board, to read: search words and filters (offer or need, in person, online or in a
 * group, district). Publishing, editing and answering listings are not in the portal yet.
 */
@Controller
class BoardController {

    static final List<String> KINDS = List.of("OFFER", "NEED");
    static final List<String> MODES = List.of("IN_PERSON", "REMOTE", "GROUP");
    private final Services services;
    private final Names names;

    BoardController(Services services, Names names) {
        this.services = services;
        this.names = names;
    }

    @GetMapping("/board")
    String board(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String mode, @RequestParam(defaultValue = "") String district,
                 Model model) {
        String tb = SignedIn.current().timebankId();
        String k = KINDS.contains(kind) ? kind : "";
        String m = MODES.contains(mode) ? mode : "";
        String d = district.strip().matches("[A-Za-z0-9 -]{0,8}") ? district.strip() : "";
        Listings found = services.listings(tb, q.length() > 200 ? q.substring(0, 200) : q, k, m, d);
        model.addAttribute("q", q);
        model.addAttribute("kind", k);
        model.addAttribute("mode", m);
        model.addAttribute("district", d);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("modes", MODES);
        model.addAttribute("found", found);
        model.addAttribute("names", names.of(tb, found.listings().stream().map(l -> l.ownerId()).distinct().toList()));
        return "board";
    }
}
