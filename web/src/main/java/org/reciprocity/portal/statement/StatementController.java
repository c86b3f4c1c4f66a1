package org.reciprocity.portal.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The member's statement: every transfer with its running balance, by period, as CSV, and two pictures. */
@Controller
class StatementController {

    private final Services services;
    private final Zones zones;
    private final MessageSource messages;

    StatementController(Services services, Zones zones, MessageSource messages) {
        this.services = services;
        this.zones = zones;
        this.messages = messages;
    }

    @GetMapping("/statement")
    String statement(@RequestParam(defaultValue = "all") String period, Model model) {
        SignedIn me = SignedIn.current();
        ZoneId zone = zones.of(me.timebankId());
        Period chosen = Period.of(period);
        List<StatementLine> lines = services.statement(me.timebankId(), me.memberId(), from(chosen, zone), null);
        Locale locale = LocaleContextHolder.getLocale();
        List<Charts.Point> points = Charts.balanceOverTime(lines, zone);
        List<Charts.Month> months = Charts.byMonth(lines, zone);
        model.addAttribute("lines", lines);
        model.addAttribute("period", chosen.value());
        model.addAttribute("periods", Period.ALL_PERIODS);
        model.addAttribute("points", points);
        model.addAttribute("months", months);
        model.addAttribute("balanceSvg", Charts.balanceSvg("balance-chart-svg", points,
                messages.getMessage("statement.balanceChart", null, locale), locale));
        model.addAttribute("monthlySvg", Charts.monthlySvg("monthly-chart-svg", months,
                messages.getMessage("statement.monthlyChart", null, locale), locale));
        return "statement";
    }

    @GetMapping("/statement.csv")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "all") String period) {
        SignedIn me = SignedIn.current();
        ZoneId zone = zones.of(me.timebankId());
        byte[] csv = services.statementCsv(me.timebankId(), me.memberId(), from(Period.of(period), zone), null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement.csv\"")
                .body(csv);
    }

    private static Instant from(Period period, ZoneId zone) {
        return period.from(LocalDate.now(zone), zone);
    }
}
