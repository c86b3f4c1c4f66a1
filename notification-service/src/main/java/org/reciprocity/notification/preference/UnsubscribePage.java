package org.reciprocity.notification.preference;

import java.util.Locale;

import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.message.Texts;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages of the unsubscribe link, read on a phone as often as not: large text, buttons at least
 * 48 px tall, the choice to keep e-mails as plain to find as the one to stop them, and the
 * timebank's help at the foot. Each page names its state in {@code data-page} for tests.
 */
record UnsubscribePage(Texts texts, Locale locale, Help help) {

    private static final String STYLE = """
            body{margin:0;background:#f4f4f0;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5}
            main{background:#fff;max-width:34em;margin:0 auto;padding:24px 20px}
            h1{font-size:26px;line-height:1.3;margin:0 0 16px}
            .warning{border-left:6px solid #b35c00;background:#fff4e5;padding:12px 16px;margin:16px 0}
            .choices{display:flex;flex-wrap:wrap;gap:12px;margin:24px 0}
            .choices form{margin:0}
            .button{display:inline-block;box-sizing:border-box;min-height:48px;padding:12px 20px;font-size:18px;
             font-family:inherit;line-height:24px;border-radius:6px;text-decoration:none;cursor:pointer}
            .stop{background:#1a1a1a;color:#fff;border:2px solid #1a1a1a}
            .keep{background:#1d5e3a;color:#fff;border:2px solid #1d5e3a;font-weight:bold}
            footer{border-top:1px solid #bbb;margin-top:24px;padding-top:12px;font-size:16px;color:#333}
            footer h2{font-size:18px;margin:0 0 4px}
            """;

    String ask(String timebank) {
        return page("ask", say("unsubscribe.title", timebank),
                p(say("unsubscribe.ask", timebank))
                + "<p class=\"warning\" role=\"note\">" + escape(say("unsubscribe.warning")) + "</p>"
                + "<div class=\"choices\">"
                + "<a class=\"button keep\" href=\"?kept=yes\">" + escape(say("unsubscribe.keep")) + "</a>"
                + "<form method=\"post\"><button class=\"button stop\" type=\"submit\">"
                + escape(say("unsubscribe.button")) + "</button></form>"
                + "</div>");
    }

    String kept(String timebank) {
        return page("kept", say("unsubscribe.kept.title"), p(say("unsubscribe.kept", timebank)));
    }

    String done(String timebank) {
        return page("done", say("unsubscribe.done.title"), p(say("unsubscribe.done", timebank)) + p(say("unsubscribe.done.where")));
    }

    String notValid(String code) {
        return page("not-valid\" data-code=\"" + escape(code), say("unsubscribe.invalid.title"), p(say("unsubscribe.invalid")));
    }

    private String page(String state, String title, String body) {
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>"
                + "<body><main data-page=\"" + state + "\"><h1>" + escape(title) + "</h1>" + body
                + "<footer><h2>" + escape(help.title()) + "</h2>" + p(help.coordinators()) + p(help.support())
                + "</footer></main></body></html>";
    }

    private String say(String key, Object... args) {
        return texts.say(key, locale, args);
    }

    private static String p(String text) {
        return "<p>" + escape(text) + "</p>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
