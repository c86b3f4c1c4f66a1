package org.reciprocity.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reciprocity.notification.contact.Help;
import org.reciprocity.notification.contact.TimebankContact;
import org.reciprocity.notification.message.Texts;
import org.reciprocity.notification.words.NotificationWordsTest;

/** Issue 14's unsubscribe page: big buttons, a way to keep e-mails, a warning first, no app promised, help at the foot. */
class UnsubscribePageTest {

    final Texts texts = new Texts(NotificationWordsTest.messages());

    @Test
    void askingWarnsAboutTimeToConfirmAndOffersToKeepTheEmailsWithButtonsBigEnoughToTap() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            String page = page(locale, TimebankContact.none("tb-1")).ask("Riverside");

            assertThat(page).contains("data-page=\"ask\"").contains("<meta name=\"viewport\"")
                    .contains("class=\"warning\" role=\"note\"").contains("class=\"button keep\" href=\"?kept=yes\"")
                    .contains("<button class=\"button stop\" type=\"submit\">").contains("min-height:48px")
                    .contains(org.springframework.web.util.HtmlUtils.htmlEscape(texts.say("unsubscribe.warning", locale), "UTF-8"))
                    .doesNotContainPattern("(?i)\\bapp\\b|application");
            // the warning comes before the button that stops the e-mails
            assertThat(page.indexOf("role=\"note\"")).isLessThan(page.indexOf("button stop"));
        }
    }

    @Test
    void everyPageShowsTheTimebanksHelpOrKindDefaultWords() {
        TimebankContact set = new TimebankContact("tb-1", "Jo Martin", "jo@riverside.example", null, "Samaritans:", "116 123");

        assertThat(page(Locale.ENGLISH, set).done("Riverside")).contains("Jo Martin, jo@riverside.example")
                .contains("Samaritans: 116 123");
        Help none = Help.of(TimebankContact.none("tb-1"), texts, Locale.ENGLISH);
        assertThat(none.coordinators()).isEqualTo(texts.say("help.coordinators.default", Locale.ENGLISH));
        assertThat(none.support()).isEqualTo(texts.say("help.support.default", Locale.ENGLISH));
    }

    @Test
    void anOldLinkGetsAKindPageNamingItsCode() {
        String page = page(Locale.FRENCH, TimebankContact.none("")).notValid("unsubscribe-link-not-valid");

        assertThat(page).contains("data-page=\"not-valid\" data-code=\"unsubscribe-link-not-valid\"")
                .contains("lang=\"fr\"").doesNotContain("{\"");
    }

    /** Issue 18: after the link, the member reads that it is written down in their account, and where to change it. */
    @Test
    void doneSaysTheInboxStaysAndWhereTheAnswerIsKeptInBothLanguages() {
        assertThat(page(Locale.ENGLISH, TimebankContact.none("tb-1")).done("Riverside"))
                .contains("data-page=\"done\"", "lang=\"en\"", "You will not get e-mails from Riverside any more",
                        "Your messages still wait for you", "&quot;What you allow&quot;");
        assertThat(page(Locale.FRENCH, TimebankContact.none("tb-1")).done("Riverside"))
                .contains("lang=\"fr\"", "Vous ne recevrez plus de courriels de Riverside",
                        "Vos messages vous attendent toujours", "«\u00a0Ce que vous permettez\u00a0»");
    }

    private UnsubscribePage page(Locale locale, TimebankContact contact) {
        return new UnsubscribePage(texts, locale, Help.of(contact, texts, locale));
    }
}
