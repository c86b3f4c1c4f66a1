package org.reciprocity.portal.review;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.services.Dtos;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;

/**
 * Issue 17: the review pages for staff, admins and coordinators (the path is kept to them in
 * SecurityConfiguration; review-service checks each token again). One call to review-service a page;
 * every table also as CSV, streamed from review-service as it wrote it.
 */
@Controller
class ReviewPages {

    /** How each flag looks: the most pressing in red, what is only worth a word in blue or green. */
    static final Map<String, String> FLAG_COLOURS = Map.of(
            "LONG_WAIT_FOR_VALIDATION", "govuk-tag--orange",
            "NEAR_LIMIT", "govuk-tag--red",
            "RECEIVED_MUCH_NEVER_GAVE", "govuk-tag--blue",
            "GAVE_MUCH_NEVER_RECEIVED", "govuk-tag--green");

    private final ReviewCalls review;
    private final Services services;
    private final MessageSource messages;
    private final Zones zones;

    ReviewPages(ReviewCalls review, Services services, MessageSource messages, Zones zones) {
        this.review = review;
        this.services = services;
        this.messages = messages;
        this.zones = zones;
    }

    /** The period the form or a link asks for, as request parameters. */
    record PeriodParams(String period, String from, String to, String fromMonth, String fromYear, String toMonth,
                        String toYear) {

        /** @param now the month it is in the timebank's zone (what "this month" means to its members) */
        ReviewPeriod.Asked read(YearMonth now) {
            return ReviewPeriod.read(period, from, to, fromMonth, fromYear, toMonth, toYear, now);
        }
    }

    // ---- the reciprocity review

    @GetMapping("/review")
    String members(PeriodParams params, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String organisation, @RequestParam(required = false) String sort,
                   @RequestParam(required = false) String direction, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        SignedIn me = SignedIn.current();
        ReviewPeriod.Asked asked = period(params, model);
        model.addAttribute("organisations", organisations(me.timebankId()));
        model.addAttribute("kinds", ReviewFigures.Flags.MEMBER_KINDS);
        model.addAttribute("flagColours", FLAG_COLOURS);
        model.addAttribute("flagOrder", ReviewFigures.Flags.ORDER);
        model.addAttribute("columns", ReviewFigures.Flags.SORTS);
        ReviewQuery query = ReviewQuery.of(asked.period(), kind, organisation, sort, direction, page);
        model.addAttribute("query", query);
        if (!asked.wrong()) {
            model.addAttribute("review", review.members(me.timebankId(), query, ReviewQuery.PAGE_SIZE));
        }
        return "review/members";
    }

    @GetMapping("/review/members.csv")
    ResponseEntity<byte[]> membersCsv(PeriodParams params, @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String organisation,
                                      @RequestParam(required = false) String sort,
                                      @RequestParam(required = false) String direction) {
        ReviewPeriod period = periodForCsv(params);
        ReviewQuery query = ReviewQuery.of(period, kind, organisation, sort, direction, 0);
        return csv("reciprocity-review", period, "/members.csv",
                u -> query.members(ReviewCalls.period(u, period)));
    }

    // ---- parity

    @GetMapping("/review/parity")
    String parity(PeriodParams params, Model model) {
        SignedIn me = SignedIn.current();
        ReviewPeriod.Asked asked = period(params, model);
        model.addAttribute("kinds", ReviewFigures.Flags.PARTY_KINDS);
        if (asked.wrong()) {
            return "review/parity";
        }
        ReviewFigures.Parity parity = review.parity(me.timebankId(), asked.period());
        model.addAttribute("parity", parity);
        model.addAllAttributes(ReviewCharts.parity(parity, this::text, LocaleContextHolder.getLocale()));
        return "review/parity";
    }

    @GetMapping("/review/parity.csv")
    ResponseEntity<byte[]> parityCsv(PeriodParams params) {
        ReviewPeriod period = periodForCsv(params);
        return csv("parity", period, "/parity.csv", u -> ReviewCalls.period(u, period));
    }

    @GetMapping("/review/parity/months.csv")
    ResponseEntity<byte[]> parityMonthsCsv(PeriodParams params) {
        ReviewPeriod period = periodForCsv(params);
        return csv("parity-by-month", period, "/parity/months.csv", u -> ReviewCalls.period(u, period));
    }

    // ---- the co-production indicators

    @GetMapping("/review/indicators")
    String indicators(PeriodParams params, Model model) {
        SignedIn me = SignedIn.current();
        ReviewPeriod.Asked asked = period(params, model);
        model.addAttribute("levels", ReviewFigures.Flags.LEVELS);
        if (!asked.wrong()) {
            model.addAttribute("indicators", review.indicators(me.timebankId(), asked.period()));
        }
        return "review/indicators";
    }

    @GetMapping("/review/indicators.csv")
    ResponseEntity<byte[]> indicatorsCsv(PeriodParams params) {
        ReviewPeriod period = periodForCsv(params);
        return csv("indicators", period, "/indicators.csv", u -> ReviewCalls.period(u, period));
    }

    @GetMapping("/review/indicators/{indicator}")
    String behind(@PathVariable String indicator, PeriodParams params, Model model) {
        SignedIn me = SignedIn.current();
        String kind = indicator(indicator);
        ReviewPeriod.Asked asked = period(params, model);
        model.addAttribute("indicator", kind);
        model.addAttribute("slug", slug(kind));
        model.addAttribute("kinds", ReviewFigures.Flags.PARTY_KINDS);
        if (!asked.wrong()) {
            model.addAttribute("contributions", review.behind(me.timebankId(), kind, asked.period()));
        }
        return "review/behind";
    }

    @GetMapping("/review/indicators/{indicator}/contributions.csv")
    ResponseEntity<byte[]> behindCsv(@PathVariable String indicator, PeriodParams params) {
        String kind = indicator(indicator);
        ReviewPeriod period = periodForCsv(params);
        return csv(slug(kind), period, "/indicators/{indicator}/contributions.csv",
                u -> ReviewCalls.period(u, period), kind);
    }

    /** Used by the templates: an indicator in an address, {@code goals-jointly-set}. */
    static String slug(String kind) {
        return kind.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ----

    private ReviewPeriod.Asked period(PeriodParams params, Model model) {
        ReviewPeriod.Asked asked = params.read(YearMonth.now(zones.of(SignedIn.current().timebankId())));
        model.addAttribute("asked", asked);
        model.addAttribute("period", asked.period());
        if (asked.wrong()) {
            model.addAttribute("errors", List.of(new PageError(asked.errorField(), text(asked.errorKey()))));
        }
        return asked;
    }

    /** A CSV link is only ever made from a page whose period was right; a hand-made one that is not gets words. */
    private ReviewPeriod periodForCsv(PeriodParams params) {
        ReviewPeriod.Asked asked = params.read(YearMonth.now(zones.of(SignedIn.current().timebankId())));
        if (asked.wrong()) {
            throw new ServiceRefusal(400, "not-a-period", text(asked.errorKey()));
        }
        return asked.period();
    }

    private String indicator(String text) {
        String kind = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        if (!ReviewFigures.Flags.INDICATORS.contains(kind)) {
            throw new ServiceRefusal(404, "not-an-indicator", null);
        }
        return kind;
    }

    private ResponseEntity<byte[]> csv(String name, ReviewPeriod period, String table,
                                       Function<UriBuilder, UriBuilder> query, String... pathVariables) {
        SignedIn me = SignedIn.current();
        byte[] body = review.csv(me.timebankId(), table, query, pathVariables);
        String file = name + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    /** The organisations for the filter; the review still shows when the ledger cannot list them. */
    private List<Dtos.Organisation> organisations(String tb) {
        try {
            List<Dtos.Organisation> all = services.organisations(tb);
            return all == null ? List.of() : all;
        } catch (RuntimeException away) {
            return List.of();
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
