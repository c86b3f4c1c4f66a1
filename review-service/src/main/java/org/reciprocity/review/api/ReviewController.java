package org.reciprocity.review.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.figures.BehindFigure;
import org.reciprocity.review.figures.Indicator;
import org.reciprocity.review.figures.IndicatorFigure;
import org.reciprocity.review.figures.IndicatorFigures;
import org.reciprocity.review.figures.ParityFigures;
import org.reciprocity.review.figures.ParityMonth;
import org.reciprocity.review.figures.Period;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.ReviewPage;
import org.reciprocity.review.figures.ReviewRow;
import org.reciprocity.review.intake.EventIntake;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review's pages, one call a page: the reciprocity review, parity between member kinds, the
 * co-production indicators and the contributions behind one of them. Each table also answers as
 * CSV ({@code Accept: text/csv} or the path with {@code .csv}). A period is whole UTC months,
 * {@code from}/{@code to} as {@code yyyy-MM}.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/review")
class ReviewController {

    private final ReviewFigures figures;
    private final EventIntake intake;
    private final Clock clock;

    ReviewController(ReviewFigures figures, EventIntake intake, Clock clock) {
        this.figures = figures;
        this.intake = intake;
        this.clock = clock;
    }

    // ---- the reciprocity review

    @Operation(summary = "Each member's hours given and received in the period, balance, reciprocity, last activity, "
            + "waiting validations and flags; filtered by kind and organisation, sorted, a page at a time")
    @GetMapping(path = "/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_RECIPROCITY_REVIEW")
    ReviewPage members(@PathVariable String timebankId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String organisation,
                       @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String direction,
                       @Parameter(schema = @Schema(type = "integer", defaultValue = "0", minimum = "0"))
                       @RequestParam(required = false) String page,
                       @Parameter(schema = @Schema(type = "integer", defaultValue = "50", minimum = "1"))
                       @RequestParam(required = false) String size) {
        Period period = period(timebankId, from, to);
        PartyKind memberKind = ReviewRequests.memberKind(kind);
        ReviewPage rows = figures.review(timebankId, ReviewRequests.query(period, memberKind, organisation, sort,
                direction, ReviewRequests.number(page, 0), ReviewRequests.number(size, 50)), Instant.now(clock));
        // a look at each member the page shows, in one write, before the rows leave (who looked, issue 18)
        ReadLog.alsoRead(rows.rows().stream().map(ReviewRow::memberId).toList());
        return rows;
    }

    @Operation(summary = "The reciprocity review as CSV: every member matching the filters, in the order asked")
    @GetMapping(path = {"/members", "/members.csv"}, produces = "text/csv")
    @Access("READ_RECIPROCITY_REVIEW")
    ResponseEntity<String> membersCsv(@PathVariable String timebankId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String organisation,
                                      @RequestParam(defaultValue = "name") String sort,
                                      @RequestParam(defaultValue = "asc") String direction) {
        Period period = period(timebankId, from, to);
        PartyKind memberKind = ReviewRequests.memberKind(kind);
        CsvTable table = new CsvTable("member_id", "name", "kind", "suspended", "given_minutes", "received_minutes",
                "balance_minutes", "reciprocity_percent", "last_activity", "waiting_validations", "waiting_since", "flags");
        List<String> shown = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            ReviewPage rows = figures.review(timebankId, ReviewRequests.query(period, memberKind, organisation, sort,
                    direction, page, org.reciprocity.review.figures.ReviewQuery.MAX_SIZE), Instant.now(clock));
            for (ReviewRow r : rows.rows()) {
                shown.add(r.memberId());
                table.row(r.memberId(), r.name(), r.kind(), r.suspended(), r.givenMinutes(), r.receivedMinutes(),
                        r.balanceMinutes(), r.reciprocityPercent(), r.lastActivity(), r.waitingValidations(),
                        r.waitingSince(), String.join(" ", r.flags().stream().map(Enum::name).sorted().toList()));
            }
            if ((long) (page + 1) * rows.size() >= rows.total()) {
                break;
            }
        }
        // the whole table is a look at every member in it: one write for all of them, before it leaves
        ReadLog.alsoRead(shown);
        return table.response("reciprocity-review-" + period.from() + "-" + period.to());
    }

    // ---- parity

    @Operation(summary = "Hours between member kinds (giver → receiver) over the period, service users' share with "
            + "staff and the service, and both month by month")
    @GetMapping(path = "/parity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_PARITY")
    ParityFigures parity(@PathVariable String timebankId, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        return figures.parity(timebankId, period(timebankId, from, to));
    }

    @Operation(summary = "The parity matrix as CSV: one line a giver's kind, one column a receiver's kind, in minutes")
    @GetMapping(path = {"/parity", "/parity.csv"}, produces = "text/csv")
    @Access("READ_PARITY")
    ResponseEntity<String> parityCsv(@PathVariable String timebankId, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        ParityFigures parity = figures.parity(timebankId, period(timebankId, from, to));
        CsvTable table = new CsvTable("giver_kind", "to_service_user", "to_staff", "to_carer", "to_neighbour",
                "to_organisation");
        parity.matrix().forEach((giver, row) -> table.row(giver, row.get(PartyKind.SERVICE_USER), row.get(PartyKind.STAFF),
                row.get(PartyKind.CARER), row.get(PartyKind.NEIGHBOUR), row.get(PartyKind.ORGANISATION)));
        return table.response("parity-" + parity.period().from() + "-" + parity.period().to());
    }

    @Operation(summary = "Parity month by month as CSV: total minutes, and what service users gave staff and the "
            + "service against what they received from them")
    @GetMapping(path = {"/parity/months", "/parity/months.csv"}, produces = "text/csv")
    @Access("READ_PARITY")
    ResponseEntity<String> parityMonthsCsv(@PathVariable String timebankId, @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        ParityFigures parity = figures.parity(timebankId, period(timebankId, from, to));
        CsvTable table = new CsvTable("month", "total_minutes", "service_users_gave_minutes",
                "service_users_received_minutes", "service_users_gave_percent");
        for (ParityMonth month : parity.trend()) {
            table.row(month.month(), month.totalMinutes(), month.serviceUsers().givenMinutes(),
                    month.serviceUsers().receivedMinutes(), month.serviceUsers().givenPercent());
        }
        return table.response("parity-by-month-" + parity.period().from() + "-" + parity.period().to());
    }

    // ---- the co-production indicators

    @Operation(summary = "The seven co-production indicators (Crepaz-Keay 2014) by level over the period: met or not, "
            + "contributions, people, minutes, service users taking part, and month by month")
    @GetMapping(path = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_INDICATORS")
    IndicatorFigures indicators(@PathVariable String timebankId, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return figures.indicators(timebankId, period(timebankId, from, to));
    }

    @Operation(summary = "The indicators as CSV: one line an indicator and month, and one for the whole period")
    @GetMapping(path = {"/indicators", "/indicators.csv"}, produces = "text/csv")
    @Access("READ_INDICATORS")
    ResponseEntity<String> indicatorsCsv(@PathVariable String timebankId, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        IndicatorFigures indicators = figures.indicators(timebankId, period(timebankId, from, to));
        CsvTable table = new CsvTable("level", "indicator", "month", "met", "contributions", "people", "minutes",
                "service_users");
        for (Indicator indicator : indicators.indicators()) {
            for (Indicator.MonthFigure month : indicator.trend()) {
                line(table, indicator, month.month().toString(), month.figure());
            }
            line(table, indicator, "period", indicator.period());
        }
        return table.response("indicators-" + indicators.period().from() + "-" + indicators.period().to());
    }

    private static void line(CsvTable table, Indicator indicator, String month, IndicatorFigure f) {
        table.row(indicator.level(), indicator.kind(), month, f.met(), f.contributions(), f.people(), f.minutes(),
                f.serviceUsers());
    }

    @Operation(summary = "The contributions behind an indicator's figure over the period: ids, kinds and dates only")
    @GetMapping(path = "/indicators/{indicator}/contributions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_CONTRIBUTIONS_BEHIND_INDICATOR")
    List<BehindFigure> behind(@PathVariable String timebankId, @PathVariable String indicator,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CoproductionKind kind = ReviewRequests.indicator(indicator);
        return figures.behind(timebankId, kind, period(timebankId, from, to));
    }

    @Operation(summary = "The contributions behind an indicator's figure as CSV")
    @GetMapping(path = {"/indicators/{indicator}/contributions", "/indicators/{indicator}/contributions.csv"},
            produces = "text/csv")
    @Access("READ_CONTRIBUTIONS_BEHIND_INDICATOR")
    ResponseEntity<String> behindCsv(@PathVariable String timebankId, @PathVariable String indicator,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        CoproductionKind kind = ReviewRequests.indicator(indicator);
        Period period = period(timebankId, from, to);
        CsvTable table = new CsvTable("contribution_id", "kind", "happened_on", "posted_on", "minutes", "giver_kind",
                "receiver_kind", "group_activity");
        for (BehindFigure b : figures.behind(timebankId, kind, period)) {
            table.row(b.contributionId(), b.kind(), b.happenedOn(), b.postedOn(), b.minutes(), b.giverKind(),
                    b.receiverKind(), b.groupActivity());
        }
        return table.response(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + period.from() + "-" + period.to());
    }

    // ---- operations

    @Operation(summary = "Rebuild every projection (all timebanks) from the start of the topics into fresh collections")
    @PostMapping("/rebuild")
    @Access("REBUILD_PROJECTIONS")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable String timebankId, HttpServletRequest request,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Nothing: a rebuild takes no options")
            @RequestBody(required = false) String body) {
        ReviewRequests.nothing(request.getQueryString(), body);
        long generation = intake.rebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("generation", generation));
    }

    /** The period asked, "this month" being the timebank's (its zone), not the server's. */
    private Period period(String timebankId, String from, String to) {
        return ReviewRequests.period(from, to, clock.withZone(figures.zoneOf(timebankId)));
    }
}
