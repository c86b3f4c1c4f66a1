package org.reciprocity.notification.delivery;

import java.util.List;
import java.util.Locale;

import org.reciprocity.notification.message.Texts.Text;

/**
 * What an outbound channel sends: one message, or several in a digest, already in the
 * recipient's words. {@code reference} is stable per delivery (the e-mail Message-ID).
 */
public record Letter(String reference, String address, Locale locale, String recipientName, String timebankName,
                     String subject, List<Text> items, boolean digest, String unsubscribeUrl) {
}
