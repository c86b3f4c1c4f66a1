package org.reciprocity.portal.privacy;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import org.reciprocity.portal.signin.SignedIn;
import org.reciprocity.portal.words.Dates;
import org.reciprocity.portal.words.Zones;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.WebUtils;

/**
 * Issue 18, "Download my data": the member asks, the portal reads the five services in the background
 * (the page says how many parts are read: "Check again", or htmx every 2 s) and keeps the ZIP in their
 * session (nothing outlives it); the page then says what is in it, which part could not be read, and
 * offers the download. Asking again builds a fresh one; asking while one is being made starts nothing.
 */
@Controller
class MyDataExportController {

    static final String SESSION = "reciprocity.privacy.export";

    private final PersonalDataExport export;
    private final Zones zones;

    MyDataExportController(PersonalDataExport export, Zones zones) {
        this.export = export;
        this.zones = zones;
    }

    /** A part of the file: its folder and what it holds, in words. */
    record Part(String folder, String words) {
    }

    @GetMapping("/my-data/export")
    String page(HttpSession session, Model model) {
        if (session.getAttribute(SESSION) instanceof PersonalDataExport.Preparation preparation) {
            PersonalDataExport.Built built = preparation.built();
            if (built == null) {
                model.addAttribute("read", preparation.read());
                model.addAttribute("parts", preparation.parts());
            } else {
                model.addAttribute("readyOn", day(built.at()));
                model.addAttribute("included", parts(built.included()));
                model.addAttribute("missing", parts(built.missing()));
            }
        }
        return "privacy/export";
    }

    @PostMapping("/my-data/export")
    String build(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) { // two quick clicks: one file
            if (!(session.getAttribute(SESSION) instanceof PersonalDataExport.Preparation running) || running.built() != null) {
                SignedIn me = SignedIn.current();
                session.setAttribute(SESSION, export.start(me.timebankId(), me.memberId(),
                        LocaleContextHolder.getLocale(), zones.of(me.timebankId())));
            }
        }
        return "redirect:/my-data/export";
    }

    @GetMapping("/my-data/export/my-data.zip")
    ResponseEntity<byte[]> download(HttpSession session) {
        if (!(session.getAttribute(SESSION) instanceof PersonalDataExport.Preparation preparation) || preparation.built() == null) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/my-data/export").build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("my-data.zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(preparation.built().zip());
    }

    private List<Part> parts(List<String> services) {
        return services.stream().map(s -> new Part(s, export.words(s, LocaleContextHolder.getLocale()))).toList();
    }

    private String day(Instant at) {
        return Dates.day(at.atZone(zones.of(SignedIn.current().timebankId())).toLocalDate(), LocaleContextHolder.getLocale());
    }
}
