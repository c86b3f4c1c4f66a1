package org.reciprocity.notification.preference;

import java.util.Locale;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.message.Wording;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link at the foot of every e-mail. It needs no sign-in: the token (256 random bits) is the
 * proof. Opening the link only asks (mail scanners open links); the button, or a one-click POST
 * from the mail program (RFC 8058), stops the e-mails.
 */
@RestController
class UnsubscribeController {

    static final String PATH = "/api/v1/unsubscribe/{token}";

    private final PreferenceStore store;
    private final Recipients recipients;
    private final Texts texts;

    UnsubscribeController(PreferenceStore store, Recipients recipients, Texts texts) {
        this.store = store;
        this.recipients = recipients;
        this.texts = texts;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Access("ASK_TO_UNSUBSCRIBE")
    String ask(@PathVariable String token) {
        Preferences preferences = byToken(token);
        Locale locale = Wording.localeFor(preferences, recipients.find(preferences.memberId()).orElse(null));
        return page(locale, "<p>" + escape(texts.say("unsubscribe.ask", locale)) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + escape(texts.say("unsubscribe.button", locale))
                + "</button></form>");
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Access("UNSUBSCRIBE")
    String unsubscribe(@PathVariable String token) {
        Preferences preferences = byToken(token);
        store.save(preferences.withoutEmail());
        Locale locale = Wording.localeFor(preferences, recipients.find(preferences.memberId()).orElse(null));
        return page(locale, "<p>" + escape(texts.say("unsubscribe.done", locale)) + "</p>");
    }

    private Preferences byToken(String token) {
        return store.byUnsubscribeToken(token)
                .orElseThrow(() -> ApiException.of(NotificationRefusal.UNSUBSCRIBE_LINK_NOT_VALID));
    }

    private static String page(Locale locale, String body) {
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<title>Reciprocity</title></head><body style=\"font-family:sans-serif;font-size:18px;max-width:32em\">"
                + body + "</body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
