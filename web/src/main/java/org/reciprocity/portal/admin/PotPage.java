package org.reciprocity.portal.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.services.Dtos.Account;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The community pot members give hours to (the organisation account COMMUNITY_POT names): what it
 * holds and its latest movements in and out, read from the ledger. Where no pot is set, an admin may
 * look at any organisation's account the same way (a pot is an organisation account like any other).
 */
@Controller
class PotPage {

    static final int SHOWN = 30;
    private final Services services;
    private final AdminServices admin;
    private final PortalSettings settings;

    PotPage(Services services, AdminServices admin, PortalSettings settings) {
        this.services = services;
        this.admin = admin;
        this.settings = settings;
    }

    @GetMapping("/admin/pot")
    String show(@RequestParam(defaultValue = "") String organisation, Model model) {
        String tb = SignedIn.current().timebankId();
        String pot = settings.communityPot() == null || settings.communityPot().isBlank() ? null : settings.communityPot().strip();
        List<AdminServices.Organisation> organisations = admin.organisations(tb);
        String shown = pot;
        if (pot == null && organisations.stream().anyMatch(o -> o.id().equals(organisation))) {
            shown = organisation;
        }
        model.addAttribute("pot", pot);
        model.addAttribute("organisations", organisations);
        model.addAttribute("shown", shown);
        if (shown != null) {
            String id = shown;
            model.addAttribute("shownName", organisations.stream().filter(o -> o.id().equals(id))
                    .map(AdminServices.Organisation::name).findFirst().orElse(id));
            model.addAttribute("balance", balance(tb, id));
            List<StatementLine> lines = new ArrayList<>(services.statement(tb, id, null, null));
            Collections.reverse(lines);
            model.addAttribute("lines", lines.subList(0, Math.min(SHOWN, lines.size())));
            model.addAttribute("moreLines", lines.size() > SHOWN);
        }
        return "admin/pot";
    }

    /** An account the ledger has not opened yet (nothing given) holds nothing. */
    private long balance(String tb, String id) {
        try {
            Account account = services.account(tb, id);
            return account == null ? 0 : account.balance();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return 0;
            }
            throw refusal;
        }
    }
}
