package org.reciprocity.notification.contact;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.reciprocity.notification.message.Texts;

/**
 * The help at the foot of every e-mail and on the unsubscribe page, in the reader's words: a heading,
 * who the coordinators are and how to reach them, and a support line, as mental-health services
 * give one. What the admin has not set yet is said in kind default words, never left out.
 */
public record Help(String title, String coordinators, String support) {

    public static Help of(TimebankContact contact, Texts texts, Locale locale) {
        String reach = joined(", ", contact.coordinatorsName(), contact.coordinatorsEmail(), contact.coordinatorsPhone());
        String support = joined(" ", contact.supportWords(), contact.supportPhone());
        return new Help(texts.say("help.title", locale),
                reach.isEmpty() ? texts.say("help.coordinators.default", locale) : texts.say("help.coordinators", locale, reach),
                support.isEmpty() ? texts.say("help.support.default", locale) : support);
    }

    private static String joined(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(separator));
    }
}
