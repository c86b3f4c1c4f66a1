package org.reciprocity.notification.delivery;

import java.util.List;
import java.util.Locale;

import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.message.Texts.Text;

/**
 * What an outbound channel sends: one message, or several in a digest, already in the
 * recipient's words. {@code reference} is stable per delivery (the e-mail Message-ID). Each item's
 * button opens its page under {@code portalBaseUrl}; {@code help} is the timebank's contact and support line.
 */
public record Letter(String reference, String address, Locale locale, String recipientName, String timebankName,
                     String subject, List<Text> items, boolean digest, String unsubscribeUrl,
                     String portalBaseUrl, Help help) {

    /** The address of an item's page in the portal. */
    public String link(Text item) {
        String base = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
        return base + (item.page() == null ? "/" : item.page());
    }

    /** The line a mail program shows after the subject: the first thing the e-mail says. */
    public String preheader() {
        String first = items.isEmpty() || items.get(0).paragraphs().isEmpty() ? subject : items.get(0).paragraphs().get(0);
        return first.length() <= 140 ? first : first.substring(0, first.lastIndexOf(' ', 137)) + "…";
    }
}
