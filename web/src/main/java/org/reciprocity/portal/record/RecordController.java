package org.reciprocity.portal.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.layout.LayoutAdvice;
import org.reciprocity.portal.layout.PageError;
import org.reciprocity.portal.pdf.TaggedPdf;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 17: "Your contribution record". The member chooses what it shows, the ledger signs it, and
 * the member downloads it as a PDF, sees its code and the public address where anyone checks it, and
 * can withdraw it.
 */
@Controller
class RecordController {

    static final List<String> KINDS = List.of("PEER_SUPPORT", "PRACTICAL_HELP", "SOCIAL_ACTIVITY", "GOALS_JOINTLY_SET",
            "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING",
            "SERVICE_CO_DESIGNED", "GOVERNING_BODY");
    static final List<String> PERIODS = List.of("all", "year", "last12");

    private final RecordClient ledger;
    private final RecordVerifier verifier;
    private final TaggedPdf pdf;
    private final Zones zones;
    private final MessageSource messages;
    private final LayoutAdvice layout;
    private final PortalSettings settings;

    RecordController(RecordClient ledger, RecordVerifier verifier, TaggedPdf pdf, Zones zones, MessageSource messages,
                     LayoutAdvice layout, PortalSettings settings) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.pdf = pdf;
        this.zones = zones;
        this.messages = messages;
        this.layout = layout;
        this.settings = settings;
    }

    @GetMapping("/record")
    String choose(Model model) {
        form(model, "no", KINDS, "all", "no");
        return "record/record";
    }

    @PostMapping("/record")
    String make(@RequestParam(defaultValue = "") String showName, @RequestParam(required = false) List<String> kinds,
                @RequestParam(defaultValue = "all") String period, @RequestParam(defaultValue = "") String showDates,
                Model model) {
        SignedIn me = SignedIn.current();
        List<String> chosen = kinds == null ? List.of() : kinds.stream().filter(KINDS::contains).distinct().toList();
        form(model, showName, chosen, period, showDates);
        List<PageError> problems = new ArrayList<>();
        if (!List.of("yes", "no").contains(showName)) {
            problems.add(new PageError("showName", text("record.error.showName")));
        }
        if (chosen.isEmpty()) {
            problems.add(new PageError("kinds", text("record.error.kinds")));
        }
        if (!PERIODS.contains(period)) {
            problems.add(new PageError("period", text("record.error.period")));
        }
        if (!List.of("yes", "no").contains(showDates)) {
            problems.add(new PageError("showDates", text("record.error.showDates")));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            return "record/record";
        }
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("showName", "yes".equals(showName));
        choices.put("showDates", "yes".equals(showDates));
        choices.put("kinds", chosen);
        LocalDate today = LocalDate.now(zones.of(me.timebankId()));
        if ("year".equals(period)) {
            choices.put("from", today.withDayOfYear(1).toString());
            choices.put("to", today.toString());
        } else if ("last12".equals(period)) {
            choices.put("from", today.minusMonths(12).plusDays(1).toString());
            choices.put("to", today.toString());
        }
        try {
            return "redirect:/record/" + ledger.issue(me.timebankId(), me.memberId(), choices).code();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("errors", List.of(layout.errorOf(refusal, null)));
            return "record/record";
        }
    }

    @GetMapping("/record/{code}")
    String made(@PathVariable String code, Model model) {
        SignedIn me = SignedIn.current();
        RecordClient.Issued record = mine(me, code);
        RecordVerifier.Checked checked = verifier.check(record.jws());
        model.addAttribute("record", record);
        model.addAttribute("checked", checked);
        if (checked.valid()) {
            model.addAttribute("rows", RecordRows.of(checked.record(), zones.of(me.timebankId()), LocaleContextHolder.getLocale(),
                    messages));
        }
        model.addAttribute("verifyUrl", verifyUrl(record.code()));
        return "record/made";
    }

    @GetMapping("/record/{code}/pdf")
    ResponseEntity<byte[]> download(@PathVariable String code) {
        SignedIn me = SignedIn.current();
        RecordClient.Issued record = mine(me, code);
        RecordVerifier.Checked checked = verifier.check(record.jws());
        if (!checked.valid()) {
            // never hand out a document that would not check
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = zones.of(me.timebankId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("rows", RecordRows.of(checked.record(), zone, locale, messages));
        variables.put("timebankName", checked.record().timebankName());
        variables.put("issuedOn", Dates.day(checked.record().issuedAt().atZone(zone).toLocalDate(), locale));
        variables.put("code", record.code());
        variables.put("verifyUrl", verifyUrl(record.code()));
        variables.put("jws", record.jws());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contribution-record-" + record.code() + ".pdf\"")
                .body(pdf.render("record/pdf", locale, variables));
    }

    @PostMapping("/record/{code}/withdraw")
    String withdraw(@PathVariable String code) {
        SignedIn me = SignedIn.current();
        ledger.withdraw(me.timebankId(), me.memberId(), mine(me, code).code());
        return "redirect:/record/" + code;
    }

    private RecordClient.Issued mine(SignedIn me, String code) {
        String normal = RecordVerifier.normalise(code);
        return (normal == null ? java.util.Optional.<RecordClient.Issued>empty() : ledger.mine(me.timebankId(), me.memberId(), normal))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void form(Model model, String showName, List<String> kinds, String period, String showDates) {
        SignedIn me = SignedIn.current();
        model.addAttribute("allKinds", KINDS);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("showName", showName);
        model.addAttribute("kinds", kinds);
        model.addAttribute("period", period);
        model.addAttribute("showDates", showDates);
        try {
            model.addAttribute("records", ledger.mine(me.timebankId(), me.memberId()));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("records", List.of());
        }
    }

    private String verifyUrl(String code) {
        String base = settings.portalUrl() == null ? "" : settings.portalUrl().replaceAll("/+$", "");
        return base + "/verify?code=" + code;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
