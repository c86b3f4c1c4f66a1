package org.reciprocity.portal.review;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.pdf.TaggedPdf;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Hours;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 17: the quarterly report for a board, as a PDF. Whoever reads the review (staff, admins,
 * coordinators: SecurityConfiguration keeps {@code /review/**} to them) chooses a quarter and downloads
 * parity (the matrix, the service users' share, the months) and the seven co-production indicators,
 * each picture followed by its table, in their language. The figures are review-service's, asked as
 * the person, as the review pages ask them.
 */
@Controller
class ReviewReport {

    /** How many quarters the page offers: this one so far and the seven before it (two years). */
    static final int OFFERED = 8;

    private final ReviewCalls review;
    private final TaggedPdf pdf;
    private final Services services;
    private final Zones zones;
    private final MessageSource messages;

    ReviewReport(ReviewCalls review, TaggedPdf pdf, Services services, Zones zones, MessageSource messages) {
        this.review = review;
        this.pdf = pdf;
        this.services = services;
        this.zones = zones;
        this.messages = messages;
    }

    /** A quarter the page offers, in words: "October to December 2026". */
    record Offered(String value, String words, boolean soFar) {
    }

    @GetMapping("/review/report")
    String page(@RequestParam(required = false) String quarter, @RequestParam(required = false) String wrong, Model model) {
        YearMonth now = YearMonth.now(zones.of(SignedIn.current().timebankId()));
        Locale locale = LocaleContextHolder.getLocale();
        Quarter asked = Quarter.parse(quarter);
        Quarter chosen = asked != null && asked.begunBy(now) ? asked : Quarter.of(now).previous();
        model.addAttribute("quarters", Quarter.recent(now, OFFERED).stream()
                .map(q -> new Offered(q.toString(), words(q, locale), q.equals(Quarter.of(now)))).toList());
        model.addAttribute("chosen", chosen.toString());
        if (wrong != null) {
            model.addAttribute("errors", List.of(new PageError("quarter", text("report.error.quarter"))));
        }
        return "review/report";
    }

    @GetMapping("/review/report.pdf")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String quarter) {
        YearMonth now = YearMonth.now(zones.of(SignedIn.current().timebankId()));
        Quarter q = Quarter.parse(quarter);
        if (q == null || !q.begunBy(now)) {
            // only a hand-made address gets here (the page always has one chosen): back to the page, saying so
            URI back = UriComponentsBuilder.fromPath("/review/report").queryParam("wrong", "quarter").build().toUri();
            return ResponseEntity.status(303).location(back).build();
        }
        SignedIn me = SignedIn.current();
        Locale locale = LocaleContextHolder.getLocale();
        ReviewPeriod period = q.period();
        ReviewFigures.Parity parity = review.parity(me.timebankId(), period);
        ReviewFigures.Indicators indicators = review.indicators(me.timebankId(), period);

        ZoneId zone = zones.of(me.timebankId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("timebankName", timebankName(me.timebankId()));
        variables.put("quarterWords", words(q, locale));
        variables.put("quarterNumber", q.number());
        variables.put("quarterYear", String.valueOf(q.year()));
        variables.put("soFar", q.equals(Quarter.of(now)));
        variables.put("madeOn", Dates.day(LocalDate.now(zone), locale));
        variables.put("parity", parity);
        variables.put("indicators", indicators);
        variables.put("kinds", ReviewFigures.Flags.PARTY_KINDS);
        variables.put("levels", ReviewFigures.Flags.LEVELS);
        variables.put("hours", new HoursWords(locale));
        variables.putAll(ReviewCharts.parityForPrint(parity, this::text, locale));
        String file = "quarterly-report-" + q + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(pdf.render("review/report-pdf", locale, variables));
    }

    /** What the PDF template calls for hours and months (it has no {@code @words}: it is not a web page). */
    public record HoursWords(Locale locale) {
        public String of(long minutes) {
            return Hours.of(minutes);
        }

        public String month(String month) {
            try {
                return DateTimeFormatter.ofPattern("LLLL uuuu", locale).format(YearMonth.parse(month));
            } catch (RuntimeException unreadable) {
                return month;
            }
        }
    }

    private String words(Quarter q, Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL", locale);
        return messages.getMessage("report.quarter.words", new Object[] {month.format(q.from()), month.format(q.to()),
                String.valueOf(q.year())}, locale);
    }

    /** The timebank's name on the cover; the report is still made when the ledger cannot say it. */
    private String timebankName(String tb) {
        try {
            String name = services.timebank(tb).name();
            return name == null ? tb : name;
        } catch (RuntimeException away) {
            return tb;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
