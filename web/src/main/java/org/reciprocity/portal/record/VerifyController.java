package org.reciprocity.portal.record;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.layout.PageError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page where an employer, a college or anyone checks a contribution record, with no
 * sign-in: by its code, or by pasting the signed record from the PDF. The portal checks the signature
 * itself against the ledger's published keys and shows only what the signed record says.
 */
@Controller
class VerifyController {

    private final RecordVerifier verifier;
    private final MessageSource messages;
    private final PortalSettings settings;

    VerifyController(RecordVerifier verifier, MessageSource messages, PortalSettings settings) {
        this.verifier = verifier;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/verify")
    String byCode(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code);
        if (code == null || code.isBlank()) {
            return "record/verify";
        }
        if (code.length() > 40 || RecordVerifier.normalise(code) == null) {
            model.addAttribute("errors", List.of(new PageError("code", text("record.verify.error.code"))));
            return "record/verify";
        }
        try {
            RecordVerifier.Published published = verifier.byCode(code).orElse(null);
            if (published == null) {
                model.addAttribute("errors", List.of(new PageError("code", text("record.verify.error.unknown"))));
                return "record/verify";
            }
            show(verifier.check(published.jws()), published.withdrawn(), model);
        } catch (RecordVerifier.KeysUnavailable unavailable) {
            show(RecordVerifier.Checked.CANNOT_CHECK, false, model);
        }
        return "record/verify";
    }

    @PostMapping("/verify")
    String pasted(@RequestParam(defaultValue = "") String jws, Model model) {
        model.addAttribute("code", "");
        model.addAttribute("jws", jws.length() > 100_000 ? "" : jws);
        if (jws.isBlank()) {
            model.addAttribute("errors", List.of(new PageError("jws", text("record.verify.error.jws"))));
            return "record/verify";
        }
        RecordVerifier.Checked checked = verifier.check(jws.replaceAll("\\s", ""));
        boolean withdrawn = false;
        if (checked.valid()) {
            try {
                withdrawn = verifier.byCode(checked.record().code()).map(RecordVerifier.Published::withdrawn).orElse(false);
            } catch (RecordVerifier.KeysUnavailable unavailable) {
                checked = RecordVerifier.Checked.CANNOT_CHECK;
            }
        }
        show(checked, withdrawn, model);
        return "record/verify";
    }

    private void show(RecordVerifier.Checked checked, boolean withdrawn, Model model) {
        String outcome = switch (checked.outcome()) {
            case VALID -> withdrawn ? "withdrawn" : "valid";
            case NOT_VALID -> "notValid";
            case CANNOT_CHECK -> "cannotCheck";
        };
        model.addAttribute("outcome", outcome);
        if (checked.valid() && !withdrawn) {
            // a withdrawn record's content is the member's again: only that it was withdrawn is said
            Locale locale = LocaleContextHolder.getLocale();
            ZoneId zone = ZoneId.of(settings.defaultZone() == null ? "Europe/London" : settings.defaultZone());
            model.addAttribute("record", checked.record());
            model.addAttribute("rows", RecordRows.of(checked.record(), zone, locale, messages));
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
