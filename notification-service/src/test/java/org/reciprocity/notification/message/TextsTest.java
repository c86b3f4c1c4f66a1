package org.reciprocity.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
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
                + "24 November. Is this right? Please answer by Wednesday 9 December at 04:30. If you do not answer by then, "
                + "this time will not count. If something is not right, you can say so.");
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
    void theThankYouSaysWhereToReadTheNoteAndNeverQuotesIt() {
        // issue 18: a message stored before may still hold the note; it is not said
        Map<String, String> params = Map.of(Notices.OTHER, "ali", Notices.MINUTES, "60", Notices.NOTE, "You made my week");
        Text english = texts.render(MessageKind.THANK_YOU, params, Locale.ENGLISH, ZoneId.of("UTC"), id -> "Ali", "Riverside");
        Text french = texts.render(MessageKind.THANK_YOU, params, Locale.FRENCH, ZoneId.of("UTC"), id -> "Ali", "Riverside");

        assertThat(english.title()).isEqualTo("Ali thanked you for your time");
        assertThat(english.paragraphs()).containsExactly("Ali confirmed the 1 hour you gave. It is now in your time account."
                + " If they wrote you a note, you can read it on the page about this time.");
        assertThat(french.paragraphs()).singleElement().asString().contains("vous pouvez le lire sur la page de ce temps");
        assertThat(english + " " + french).doesNotContain("You made my week");
    }

    @Test
    void anErasedMemberIsAFormerMember() {
        Text text = texts.render(MessageKind.DISPUTE_CLOSED, Map.of(Notices.OTHER, Notices.ERASED, Notices.SECOND, "ali"),
                Locale.ENGLISH, ZoneId.of("UTC"), id -> "Ali", "Riverside");
        Text french = texts.render(MessageKind.DISPUTE_CLOSED, Map.of(Notices.OTHER, Notices.ERASED, Notices.SECOND, "ali"),
                Locale.FRENCH, ZoneId.of("UTC"), id -> "Ali", "Riverside");

        assertThat(text.paragraphs().get(0)).contains("A former member").contains("Ali");
        assertThat(french.paragraphs().get(0)).contains("Un ancien membre");
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

    @Test
    void aBalanceCloseToTheLimitIsSaidKindlyInEnglishAndFrench() {
        Map<String, String> low = Map.of(Notices.DIRECTION, "LOW");

        Text english = texts.render(MessageKind.BALANCE_NEAR_LIMIT, low, Locale.ENGLISH, ZoneId.of("UTC"), id -> null, "Riverside");
        Text french = texts.render(MessageKind.BALANCE_NEAR_LIMIT, low, Locale.FRENCH, ZoneId.of("UTC"), id -> null, "Riverside");

        assertThat(english.title()).isEqualTo("Your balance is close to the limit");
        assertThat(english.paragraphs()).singleElement().asString().startsWith("Your balance is close to the lowest it can be");
        assertThat(french.title()).isEqualTo("Votre solde est proche de la limite");
        assertThat(french.paragraphs()).singleElement().asString().startsWith("Votre solde est proche du plus bas possible");
    }

    @Test
    void coordinatorsAreToldWhoseBalanceIsCloseToTheLimit() {
        Text text = texts.render(MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW, Map.of(Notices.OTHER, "sam",
                Notices.DIRECTION, "HIGH"), Locale.ENGLISH, ZoneId.of("UTC"), id -> "Sam", "Riverside");

        assertThat(text.title()).isEqualTo("Sam’s balance is close to the limit");
        assertThat(text.paragraphs()).containsExactly(
                "Sam’s balance is close to the highest it can be. You may want to help them use some hours.");
    }

    /**
     * A balance moves with redemptions and gifts too, not only with time given and received: a
     * balance notice speaks of the balance (issue 13: "Sam has received much more time than they have
     * given" went to a coordinator while Sam had given 1 h 30 and received 2 h 15).
     */
    @Test
    void aBalanceNoticeSpeaksOfTheBalanceNotOfTimeGivenOrReceived() {
        for (MessageKind kind : List.of(MessageKind.BALANCE_NEAR_LIMIT, MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW)) {
            for (String direction : List.of("LOW", "HIGH")) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                    Text text = texts.render(kind, Map.of(Notices.OTHER, "sam", Notices.DIRECTION, direction), locale,
                            ZoneId.of("UTC"), id -> "Sam", "Riverside");
                    assertThat(String.join(" ", text.paragraphs())).as("%s %s %s", kind, direction, locale)
                            .doesNotContain("received", "reçu", "than they have given", "que donné");
                }
            }
        }
    }

    @Test
    void theMonthlyStatementSaysTheMonthInWordsAndTheHoursTheWayPeopleSayThem() {
        Map<String, String> october = Map.of(Notices.MONTH, "2026-10", Notices.GIVEN, "150", Notices.RECEIVED, "60",
                Notices.VALIDATED, "3", Notices.BALANCE, "-45");

        Text english = texts.render(MessageKind.MONTHLY_STATEMENT, october, Locale.ENGLISH, ZoneId.of("UTC"), id -> null, "Riverside");
        Text french = texts.render(MessageKind.MONTHLY_STATEMENT, october, Locale.FRENCH, ZoneId.of("UTC"), id -> null, "Riverside");

        assertThat(english.title()).isEqualTo("Your time in October 2026");
        assertThat(english.paragraphs()).containsExactly(
                "In October 2026, you gave 2 hours and 30 minutes and received 1 hour. 3 times together were confirmed.",
                "At the end of the month, you were 45 minutes below zero.");
        assertThat(french.title()).isEqualTo("Votre temps en octobre 2026");
        assertThat(french.paragraphs()).containsExactly(
                "En octobre 2026, vous avez donné 2 heures et 30 minutes et reçu 1 heure. 3 temps ensemble ont été confirmés.",
                "À la fin du mois, vous étiez à 45 minutes sous zéro.");
    }

    @Test
    void aQuietMonthStatementSaysNothingWasConfirmedAndAPositiveBalance() {
        Text text = texts.render(MessageKind.MONTHLY_STATEMENT, Map.of(Notices.MONTH, "2026-10", Notices.GIVEN, "0",
                Notices.RECEIVED, "0", Notices.VALIDATED, "0", Notices.BALANCE, "120"), Locale.ENGLISH, ZoneId.of("UTC"),
                id -> null, "Riverside");

        assertThat(text.paragraphs()).containsExactly(
                "In October 2026, you gave 0 minutes and received 0 minutes. No time together was confirmed.",
                "At the end of the month, you had 2 hours in your time account.");
    }

    @Test
    void theQueueDigestListsWhatWaitsWithNamesAndDaysInTheTimebanksZone() {
        Map<String, String> queue = Map.of(Notices.WAITING, "2", Notices.DISPUTES, "1",
                Notices.ITEM + 0, "DISPUTE|kim|lee|60|2026-11-25T02:00:00Z",
                Notices.ITEM + 1, "WAITING|sam|ali|90|2026-11-20T08:00:00Z", Notices.MORE, "1");
        Map<String, String> names = Map.of("kim", "Kim", "lee", "Lee", "sam", "Sam", "ali", "Ali");

        Text english = texts.render(MessageKind.QUEUE_DIGEST, queue, Locale.ENGLISH, ZoneId.of("America/Montreal"),
                names::get, "Riverside");
        Text french = texts.render(MessageKind.QUEUE_DIGEST, queue, Locale.FRENCH, ZoneId.of("America/Montreal"),
                names::get, "Riverside");

        assertThat(english.title()).isEqualTo("What is waiting for you today");
        assertThat(english.paragraphs()).containsExactly(
                "2 times are waiting for a check. 1 question about time is open.",
                "A question since Tuesday 24 November: 1 hour from Kim to Lee.",
                "Waiting since Friday 20 November: 1 hour and 30 minutes from Sam to Ali.",
                "And 1 more. The link below shows them all.");
        assertThat(french.paragraphs()).containsExactly(
                "2 temps attendent une vérification. 1 question sur le temps est ouverte.",
                "Une question depuis le mardi 24 novembre\u00a0: 1 heure de Kim à Lee.",
                "En attente depuis le vendredi 20 novembre\u00a0: 1 heure et 30 minutes de Sam à Ali.",
                "Et 1 de plus. Le lien ci-dessous les montre tous.");
    }

    @Test
    void aDisputeWhoseLengthIsNotKnownHereIsListedWithoutOne() {
        Text text = texts.render(MessageKind.QUEUE_DIGEST, Map.of(Notices.WAITING, "0", Notices.DISPUTES, "1",
                Notices.ITEM + 0, "DISPUTE|kim|lee|0|2026-11-25T12:00:00Z"), Locale.ENGLISH, ZoneId.of("UTC"),
                Map.of("kim", "Kim", "lee", "Lee")::get, "Riverside");

        assertThat(text.paragraphs()).containsExactly(
                "No time is waiting for a check. 1 question about time is open.",
                "A question since Wednesday 25 November: time from Kim to Lee.");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
