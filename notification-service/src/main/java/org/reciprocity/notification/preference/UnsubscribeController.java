package org.reciprocity.notification.preference;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.contact.TimebankContact;
import org.reciprocity.notification.contact.TimebankContacts;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.message.Wording;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link at the foot of every e-mail. It needs no sign-in: the token (256 random bits) is the
 * proof. Opening the link only asks (mail scanners open links), and warns what stopping e-mails
 * means for time waiting to be confirmed; "keep my e-mails" changes nothing; the button, or a
 * one-click POST from the mail program (RFC 8058), withdraws the member's consent EMAIL_ME (issue 18,
 * {@link EmailConsent#withdrawByLink}): e-mails stop at once, and the ledger writes it in the member's
 * consent history as "by the link in an e-mail". Their channel choices are left as they were, so
 * giving the consent again on their consents page brings e-mails back as before. A second click
 * changes nothing and shows the same page. A person whose link is old gets a kind page, a program
 * the problem's code.
 */
@RestController
class UnsubscribeController {

    static final String PATH = "/api/v1/unsubscribe/{token}";

    private final PreferenceStore store;
    private final EmailConsent consent;
    private final Recipients recipients;
    private final Texts texts;
    private final TimebankContacts contacts;

    UnsubscribeController(PreferenceStore store, EmailConsent consent, Recipients recipients, Texts texts,
                          TimebankContacts contacts) {
        this.store = store;
        this.consent = consent;
        this.recipients = recipients;
        this.texts = texts;
        this.contacts = contacts;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Access("ASK_TO_UNSUBSCRIBE")
    ResponseEntity<String> ask(@PathVariable String token, @RequestParam(required = false) String kept,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<Preferences> found = store.byUnsubscribeToken(token);
        if (found.isEmpty()) {
            return notValid(accept);
        }
        Preferences preferences = found.get();
        Locale locale = localeOf(preferences);
        String timebank = recipients.timebank(preferences.timebankId()).name();
        UnsubscribePage page = new UnsubscribePage(texts, locale, help(preferences, locale));
        if (kept != null) {
            return ok(page.kept(timebank));
        }
        return ok(page.ask(timebank));
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Access("UNSUBSCRIBE")
    ResponseEntity<String> unsubscribe(@PathVariable String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<Preferences> found = store.byUnsubscribeToken(token);
        if (found.isEmpty()) {
            return notValid(accept);
        }
        Preferences preferences = found.get();
        consent.withdrawByLink(preferences.timebankId(), preferences.memberId());
        Locale locale = localeOf(preferences);
        String timebank = recipients.timebank(preferences.timebankId()).name();
        return ok(new UnsubscribePage(texts, locale, help(preferences, locale)).done(timebank));
    }

    /**
     * A link a mail program broke (a ")" or ">" stuck to its end, a cut) holds signs no token has: the
     * kit refuses it before the token is looked up ({@code invalid-value}). A person opening it gets
     * the same kind page as for an old link, not the problem's JSON; a program, and any other refusal,
     * the problem as everywhere.
     */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<?> refused(ApiException e, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (e.refusal().code().equals(Problems.INVALID_VALUE.code()) && wantsPage(accept)) {
            return notValidPage();
        }
        return ResponseEntity.status(e.status()).body(ProblemDetailsAdvice.problem(e.refusal()));
    }

    /** A person (a browser asks for HTML) gets a kind page in their language; a program gets the problem. */
    private ResponseEntity<String> notValid(String accept) {
        if (!wantsPage(accept)) {
            throw ApiException.of(NotificationRefusal.UNSUBSCRIBE_LINK_NOT_VALID);
        }
        return notValidPage();
    }

    private static boolean wantsPage(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private ResponseEntity<String> notValidPage() {
        Locale locale = Texts.locale(ProblemDetailsAdvice.readerLanguage().getLanguage());
        Help help = Help.of(TimebankContact.none(""), texts, locale);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body(new UnsubscribePage(texts, locale, help).notValid(NotificationRefusal.UNSUBSCRIBE_LINK_NOT_VALID.code()));
    }

    private Locale localeOf(Preferences preferences) {
        return Wording.localeFor(preferences, recipients.find(preferences.memberId()).orElse(null));
    }

    private Help help(Preferences preferences, Locale locale) {
        return Help.of(contacts.of(preferences.timebankId()), texts, locale);
    }

    private static ResponseEntity<String> ok(String html) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
    }
}
