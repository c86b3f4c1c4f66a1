package org.reciprocity.portal.review;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Issue 17: an admin downloads the whole timebank as a ZIP of CSV files another time-bank tool can
 * read. A button asks review-service to make it in the background; the next page shows how far it
 * is, file by file, with a "Look again" link that works without JavaScript (with JavaScript, htmx
 * looks again every two seconds), then the link to the file. Kept to admins in SecurityConfiguration
 * ({@code /review/export}); review-service checks each token again.
 */
@Controller
class ExportPages {

    /** The tables in the file, in the order they are written: the keys of their words. */
    static final List<String> TABLES = List.of("members", "accounts", "contributions", "transfers", "listings", "matches");
    static final List<String> STATES = List.of("QUEUED", "RUNNING", "READY", "FAILED");

    private final ExportCalls exports;
    private final MessageSource messages;

    ExportPages(ExportCalls exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/review/export")
    String start(Model model) {
        SignedIn me = SignedIn.current();
        model.addAttribute("tables", TABLES);
        model.addAttribute("exports", exports.recent(me.timebankId()));
        return "review/export";
    }

    @PostMapping("/review/export")
    String make() {
        SignedIn me = SignedIn.current();
        ExportCalls.Export export = exports.start(me.timebankId());
        return "redirect:/review/export/" + export.id();
    }

    @GetMapping("/review/export/{id}")
    String progress(@PathVariable String id, Model model) {
        SignedIn me = SignedIn.current();
        ExportCalls.Export export = exports.export(me.timebankId(), id);
        model.addAttribute("export", export);
        if (export.bytes() != null) {
            model.addAttribute("size", size(export.bytes()));
        }
        return "review/export-progress";
    }

    @GetMapping("/review/export/{id}/download")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        SignedIn me = SignedIn.current();
        exports.zip(me.timebankId(), id, from -> {
            response.setContentType("application/zip");
            if (from.getContentLength() >= 0) {
                response.setContentLengthLong(from.getContentLength());
            }
            String name = "timebank-" + me.timebankId() + "-"
                    + java.time.LocalDate.now(ZoneOffset.UTC) + ".zip";
            ContentDisposition disposition = from.getContentDisposition();
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(disposition.getFilename() != null ? disposition.getFilename() : name).build().toString());
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A file's size in the reader's words: bytes, KB or MB. */
    String size(long bytes) {
        Locale locale = LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return messages.getMessage("export.size.bytes", new Object[] {bytes}, locale);
        }
        if (bytes < 1024 * 1024) {
            return messages.getMessage("export.size.kb", new Object[] {(bytes + 1023) / 1024}, locale);
        }
        return messages.getMessage("export.size.mb",
                new Object[] {String.format(locale, "%.1f", bytes / (1024.0 * 1024.0))}, locale);
    }
}
