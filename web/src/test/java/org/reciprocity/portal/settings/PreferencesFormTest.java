package org.reciprocity.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.layout.PageError;

/** The notifications form: the boxes ticked become channels per kind; quiet hours as notification-service wants them. */
class PreferencesFormTest {

    static final NotificationPreferences CURRENT = new NotificationPreferences(
            Map.of("THANK_YOU", List.of("INBOX", "EMAIL"), "QUEUE_DIGEST", List.of("EMAIL")), null, false, "fr",
            "Europe/London", List.of("EMAIL", "INBOX"));

    @Test
    void timesArePeoplesTimes() {
        assertThat(PreferencesForm.time("22:00")).isEqualTo("22:00");
        assertThat(PreferencesForm.time("7:30")).isEqualTo("07:30");
        assertThat(PreferencesForm.time(" 7.05 ")).isEqualTo("07:05");
        assertThat(PreferencesForm.time("7h00")).isEqualTo("07:00");
        assertThat(PreferencesForm.time("24:00")).isNull();
        assertThat(PreferencesForm.time("seven")).isNull();
        assertThat(PreferencesForm.time("")).isNull();
    }

    @Test
    void untickingEmailForAKindKeepsItsInboxAndTheKindsNotShownKeepWhatTheyHad() {
        PreferencesForm form = PreferencesForm.of(CURRENT, PreferencesForm.kindsFor(false));
        assertThat(form.getEmail()).contains("THANK_YOU", "WELCOME");
        form.setEmail(form.getEmail().stream().filter(k -> !k.equals("THANK_YOU")).toList());
        NotificationPreferences saved = form.applyTo(CURRENT, PreferencesForm.kindsFor(false));
        assertThat(saved.channels().get("THANK_YOU")).containsExactly("INBOX");
        assertThat(saved.channels().get("WELCOME")).containsExactly("INBOX", "EMAIL");
        assertThat(saved.channels().get("QUEUE_DIGEST")).as("a coordinator's kind, not shown to a member").containsExactly("EMAIL");
        assertThat(saved.language()).as("the language is the language page's").isEqualTo("fr");
        assertThat(saved.request()).containsOnlyKeys("channels", "quietHours", "digest", "language");
    }

    @Test
    void quietHoursAreSavedAsTimesOrNone() {
        PreferencesForm form = PreferencesForm.of(CURRENT, PreferencesForm.kindsFor(true));
        assertThat(form.getQuiet()).isEqualTo("none");
        form.setQuiet("some");
        form.setQuietStart("22:00");
        form.setQuietEnd("7:00");
        form.setDigest(true);
        assertThat(form.problems()).isEmpty();
        NotificationPreferences saved = form.applyTo(CURRENT, PreferencesForm.kindsFor(true));
        assertThat(saved.quietHours()).isEqualTo(new NotificationPreferences.QuietHours("22:00", "07:00"));
        assertThat(saved.digest()).isTrue();
        form.setQuiet("none");
        assertThat(form.applyTo(CURRENT, PreferencesForm.kindsFor(true)).quietHours()).isNull();
    }

    @Test
    void quietHoursThatAreNotTimesOrThatStartWhenTheyEndAreRefused() {
        PreferencesForm form = new PreferencesForm();
        form.setQuiet("some");
        form.setQuietStart("late");
        form.setQuietEnd("");
        assertThat(form.problems()).extracting(PageError::field).containsExactly("quietStart", "quietEnd");
        form.setQuietStart("22:00");
        form.setQuietEnd("22.00");
        assertThat(form.problems()).extracting(PageError::text).containsExactly("preferences.error.quietSame");
        form.setQuiet("sometimes");
        assertThat(form.problems()).extracting(PageError::field).containsExactly("quiet");
    }
}
