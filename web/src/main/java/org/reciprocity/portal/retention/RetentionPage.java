package org.reciprocity.portal.retention;

import static org.reciprocity.portal.services.Services.TB;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.layout.Words;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What the timebank keeps and for how long (the ledger's retention policy), and what each service's
 * retention job removed the last time it ran (issue 18). For the admin; counts only, never whose.
 */
@Controller
class RetentionPage {

    /** The services with a retention job, in the order shown; each has words under {@code retention.service.}. */
    static final List<String> SERVICES = List.of("ledger", "notification", "matching", "identity");
    /** What the jobs report removing; each has words under {@code retention.what.}. */
    static final List<String> WHATS = List.of("inbox-items", "deliveries", "closed-listings", "closed-match-activity",
            "plans", "sign-in-links", "welcome-tokens", "closed-match-reason", "left-members-erased", "left-members-waiting",
            "left-members-failed");

    private final Services services;
    private final Words words;

    RetentionPage(Services services, Words words) {
        this.services = services;
        this.words = words;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(int messagesDays, int closedListingsDays, int closedMatchActivityDays, int plansDays,
                  int leftMembersDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String service, Instant startedAt, Instant finishedAt, Map<String, Long> removed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reports(List<Report> reports) {
    }

    /** One service's last run as the page shows it; {@code when} null: no run yet, {@code unreadable}: the service did not answer. */
    record Line(String service, String when, boolean unreadable, boolean unfinished, List<Removed> removed) {
    }

    record Removed(String what, long count) {
    }

    @GetMapping("/admin/retention")
    String show(Model model) {
        String tb = SignedIn.current().timebankId();
        Policy policy = null;
        try {
            policy = services.ledger().get().uri(TB + "/retention-policy", tb).retrieve().body(Policy.class);
        } catch (RestClientException e) {
            // the page still shows the reports; the policy's absence is said in words
        }
        List<Line> lines = new ArrayList<>();
        for (String service : SERVICES) {
            lines.add(line(service, client(service), tb));
        }
        model.addAttribute("policy", policy);
        model.addAttribute("lines", lines);
        return "retention/retention";
    }

    private RestClient client(String service) {
        return switch (service) {
            case "ledger" -> services.ledger();
            case "notification" -> services.notification();
            case "matching" -> services.matching();
            default -> services.identity();
        };
    }

    private Line line(String service, RestClient client, String tb) {
        Reports reports;
        try {
            reports = client.get().uri(TB + "/admin/retention/reports", tb).retrieve().body(Reports.class);
        } catch (RestClientException e) {
            return new Line(service, null, true, false, List.of());
        }
        if (reports == null || reports.reports() == null || reports.reports().isEmpty()) {
            return new Line(service, null, false, false, List.of());
        }
        Report last = reports.reports().get(0);
        List<Removed> removed = new ArrayList<>();
        if (last.removed() != null) {
            last.removed().forEach((what, count) -> removed.add(new Removed(WHATS.contains(what) ? what : "other",
                    count == null ? 0 : count)));
        }
        return new Line(service, words.moment(last.startedAt()), false, last.finishedAt() == null, removed);
    }
}
