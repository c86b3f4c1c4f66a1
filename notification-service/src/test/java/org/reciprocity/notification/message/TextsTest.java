package org.reciprocity.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.notification.message.Texts.Text;
import org.springframework.context.support.ResourceBundleMessageSource;

class TextsTest {

    final Texts texts = new Texts(messages());
    final Map<String, String> confirm = Map.of(Notices.OTHER, "sam", Notices.MINUTES, "90", Notices.DATE, "2026-11-24",
            Notices.DEADLINE, "2026-12-09T09:30:00Z");

    @Test
    void asksForConfirmationInPlainEnglishWithTimesInTheTimebanksZone() {
        Text text = texts.render(MessageKind.PLEASE_CONFIRM, confirm, Locale.ENGLISH, ZoneId.of("America/Montreal"),
                id -> "Sam", "Riverside");

        assertThat(text.title()).isEqualTo("Please confirm your time with Sam");
        assertThat(text.paragraphs()).containsExactly("Sam says you spent 1 hour and 30 minutes together on Tuesday "
                + "24 November. Is this right? Please answer before Wednesday 9 December at 04:30. If something is not "
                + "right, you can say so.");
    }

    @Test
    void speaksFrench() {
        Text text = texts.render(MessageKind.PLEASE_CONFIRM, confirm, Locale.FRENCH, ZoneId.of("America/Montreal"),
                id -> "Sam", "Riverside");

        assertThat(text.title()).isEqualTo("Merci de confirmer votre temps avec Sam");
        assertThat(text.paragraphs().get(0)).startsWith("Sam dit que vous avez passé 1 heure et 30 minutes ensemble le mardi 24 novembre.")
                .contains("avant le mercredi 9 décembre à 04h30");
    }

    @Test
    void theThankYouCarriesTheNote() {
        Text text = texts.render(MessageKind.THANK_YOU, Map.of(Notices.OTHER, "ali", Notices.MINUTES, "60",
                Notices.NOTE, "You made my week"), Locale.ENGLISH, ZoneId.of("UTC"), id -> "Ali", "Riverside");

        assertThat(text.paragraphs()).containsExactly("Ali confirmed the 1 hour you gave. It is now in your time account.",
                "Ali wrote: “You made my week”");
    }

    @Test
    void someoneNotKnownHereIsAMember() {
        Text text = texts.render(MessageKind.MATCH_ACCEPTED, Map.of(Notices.OTHER, "x"), Locale.ENGLISH, ZoneId.of("UTC"),
                id -> null, "Riverside");

        assertThat(text.title()).isEqualTo("A member said yes");
    }

    @Test
    void everyKindHasATitleAndABodyInEveryLanguage() {
        for (String language : Texts.LANGUAGES) {
            for (MessageKind kind : MessageKind.values()) {
                Text text = texts.render(kind, Map.of(), Texts.locale(language), ZoneId.of("UTC"), id -> null, "Riverside");
                assertThat(text.title()).as(kind + " in " + language).doesNotStartWith("kind.");
                assertThat(text.paragraphs().get(0)).as(kind + " in " + language).doesNotStartWith("kind.");
            }
        }
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
