package org.reciprocity.portal.review;

import java.time.Instant;

import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 17: whether the timebank's records are whole, for those who answer for them (staff,
 * coordinators and admins read the review). The ledger checks its hash chain on a schedule; this page
 * says what its last check found, when, and what it looked at, in words a board member follows; an
 * admin asks for a check now. The ledger decides who may read and run (its rules); the portal only
 * offers the button to admins, and refuses others before asking.
 */
@Controller
class ReviewIntegrity {

    private static final String VERIFICATION = "/api/v1/timebanks/{tb}/ledger/verification";

    private final Services services;

    ReviewIntegrity(Services services) {
        this.services = services;
    }

    /** The ledger's last check, as it answers it ({@code VerificationOutcome}). */
    public record Outcome(boolean intact, Instant ranAt, long entriesChecked, int checkpointsChecked,
                          Long brokenAtSequence, String problem, String requestedBy) {
    }

    @GetMapping("/review/integrity")
    String page(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("mayRun", me.administers());
        try {
            model.addAttribute("outcome", services.ledger().get().uri(VERIFICATION + "/latest", me.timebankId())
                    .retrieve().body(Outcome.class));
        } catch (ServiceRefusal refusal) {
            // 404: no check has run yet for this timebank; anything else: the ledger cannot say just now
            model.addAttribute("state", refusal.status() == 404 ? "never" : "unknown");
        } catch (RuntimeException away) {
            model.addAttribute("state", "unknown");
        }
        return "review/integrity";
    }

    @PostMapping("/review/integrity/check")
    String runNow(RedirectAttributes after) {
        SignedIn me = SignedIn.current();
        if (!me.administers()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            services.ledger().post().uri(VERIFICATION + "/runs", me.timebankId()).retrieve().toBodilessEntity();
            after.addFlashAttribute("done", "checked");
        } catch (ServiceRefusal refusal) {
            // 409: a check (the schedule's or another admin's) is running now
            after.addFlashAttribute("done", refusal.status() == 409 ? "running" : "failed");
        } catch (RuntimeException away) {
            after.addFlashAttribute("done", "failed");
        }
        return "redirect:/review/integrity";
    }
}
