package org.reciprocity.portal.privacy;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
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
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "Download my data": the member asks, the portal reads the five services while they wait
 * and keeps the ZIP in their session (nothing outlives it); the page then says what is in it, which
 * part could not be read, and offers the download. Asking again builds a fresh one.
 */
@Controller
class MyDataExportController {

    static final String SESSION = "reciprocity.privacy.export";

    private final PersonalDataExport export;
    private final Zones zones;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    MyDataExportController(PersonalDataExport export, Zones zones, MessageSource messages) {
        this.export = export;
        this.zones = zones;
        this.messages = messages;
    }

    /** A part of the file: its folder and what it holds, in words. */
    record Part(String folder, String words) {
    }

    @GetMapping("/my-data/export")
    String page(HttpSession session, Model model) {
        if (session.getAttribute(SESSION) instanceof PersonalDataExport.Built built) {
            model.addAttribute("readyOn", day(built.at()));
            model.addAttribute("included", parts(built.included()));
            model.addAttribute("missing", parts(built.missing()));
        }
        return "privacy/export";
    }

    @PostMapping("/my-data/export")
    String build(HttpSession session) {
        SignedIn me = SignedIn.current();
        Map<String, JsonNode> answers = export.read(me.timebankId(), me.memberId());
        Instant now = clock.instant();
        session.setAttribute(SESSION, PersonalDataExport.zip(now, answers, readme(now, answers)));
        return "redirect:/my-data/export";
    }

    @GetMapping("/my-data/export/my-data.zip")
    ResponseEntity<byte[]> download(HttpSession session) {
        if (!(session.getAttribute(SESSION) instanceof PersonalDataExport.Built built)) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/my-data/export").build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("my-data.zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(built.zip());
    }

    /** The README.txt, in the reader's language: what the file is, each folder, and what is missing. */
    private String readme(Instant at, Map<String, JsonNode> answers) {
        StringBuilder text = new StringBuilder();
        text.append(text("dataExport.readme.intro", day(at))).append("\n\n");
        text.append(text("dataExport.readme.folders")).append('\n');
        text.append(text("dataExport.readme.json")).append("\n\n");
        List<String> missing = answers.entrySet().stream().filter(a -> a.getValue() == null).map(Map.Entry::getKey).toList();
        answers.keySet().stream().filter(s -> !missing.contains(s))
                .forEach(s -> text.append(s).append(" – ").append(words(s)).append('\n'));
        if (!missing.isEmpty()) {
            text.append('\n').append(text("dataExport.readme.missing")).append('\n');
            missing.forEach(s -> text.append(s).append(" – ").append(words(s)).append('\n'));
        }
        text.append('\n').append(text("dataExport.readme.help")).append('\n');
        return text.toString();
    }

    private List<Part> parts(List<String> services) {
        return services.stream().map(s -> new Part(s, words(s))).toList();
    }

    /** The words of a service's part ({@code erasure.service.ledger}…), as on the admin's erasure page. */
    private String words(String service) {
        String key = "erasure.service." + service.replace("-service", "");
        return messages.getMessage(key, null, service, LocaleContextHolder.getLocale());
    }

    private String day(Instant at) {
        return Dates.day(at.atZone(zones.of(SignedIn.current().timebankId())).toLocalDate(), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
