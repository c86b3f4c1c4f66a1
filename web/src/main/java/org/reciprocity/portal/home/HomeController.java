package org.reciprocity.portal.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.reciprocity.portal.board.BoardServices;
import org.reciprocity.portal.services.Dtos.Contribution;
import org.reciprocity.portal.services.Dtos.InboxPage;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.ResourceAccessException;

/** Home: the balance, this month and in all, what waits for the member, thank-yous and the inbox. */
@Controller
class HomeController {

    private final Services services;
    private final Zones zones;
    private final Names names;
    private final Clock clock;
    private final BoardServices board;

    HomeController(Services services, Zones zones, Names names, BoardServices board) {
        this.services = services;
        this.board = board;
        this.zones = zones;
        this.names = names;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/")
    String home(Model model) {
        SignedIn me = SignedIn.current();
        if (me == null) {
            return "welcome";
        }
        String tb = me.timebankId();
        ZoneId zone = zones.of(tb);
        // the ID token carries no name (identity-service keeps none): the member's name is their profile's
        String myName = names.name(tb, me.memberId());
        model.addAttribute("myName", myName.equals(me.memberId()) ? null : myName);
        model.addAttribute("balance", balance(tb, me.memberId()));
        model.addAttribute("totals", Totals.of(services.statement(tb, me.memberId(), null, null),
                LocalDate.now(clock.withZone(zone)), zone));
        List<Contribution> waiting = services.waitingOn(tb, me.memberId());
        model.addAttribute("waiting", waiting);
        List<BoardServices.Match> proposals = proposals(tb, me.memberId());
        model.addAttribute("proposals", proposals);
        model.addAttribute("names", names.of(tb, Stream.concat(
                waiting.stream().map(c -> c.giverId().equals(me.memberId()) ? c.receiverId() : c.giverId()),
                proposals.stream().map(m -> m.other(me.memberId()))).distinct().toList()));
        InboxPage inbox = inbox(tb);
        model.addAttribute("inbox", inbox);
        model.addAttribute("thankYous", inbox == null ? List.of()
                : inbox.items().stream().filter(i -> "THANK_YOU".equals(i.kind())).limit(5).toList());
        return "home";
    }

    private long balance(String tb, String memberId) {
        try {
            return services.account(tb, memberId).balance();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return 0; // no time moved yet: the ledger opens the account with the first transfer
            }
            throw refusal;
        }
    }

    /**
     * Match proposals waiting for the member's yes or no: replies to their listings and matches a
     * coordinator proposed. Matching is another service: when it is away, home still shows the hours.
     */
    private List<BoardServices.Match> proposals(String tb, String memberId) {
        try {
            return board.matches(tb).stream().filter(m -> m.waitsFor(memberId)).toList();
        } catch (ServiceRefusal | ResourceAccessException away) {
            return List.of();
        }
    }

    /** The inbox is notification-service's: when it is away, home still shows the member's hours. */
    private InboxPage inbox(String tb) {
        try {
            return services.inbox(tb, 20);
        } catch (ServiceRefusal | ResourceAccessException away) {
            return null;
        }
    }
}
