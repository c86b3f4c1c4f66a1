package org.reciprocity.portal.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.words.BundleCheck;

/**
 * Members read the portal's words, some of them while unwell: every sentence reads plainly in English
 * (reading age 9 or below) and in French (ease 60 or more, non-breaking spaces before French
 * punctuation), with the same parameters in both. Labels, headings and buttons of a few words
 * ("My profile", "Se connecter") are the words public services use for them, which a reading score
 * cannot judge on so few words: they are reviewed by people, and the score judges every sentence.
 */
class PortalWordsTest {

    /** The most words a label, heading or button has; a text with more is a sentence and is scored. */
    static final int LABEL_WORDS = 5;

    /**
     * Reviewed sentences: their only long words are "minutes", an example e-mail address or the name of
     * the coordinator's role, which readers need there, and the score counts as hard.
     */
    static final java.util.Set<String> REVIEWED = java.util.Set.of("hours.error.time", "spend.error.time", "time.hint",
            "invite.error.email", "board.error.time", "preferences.kind.BALANCE_NEAR_LIMIT_TO_REVIEW",
            "preferences.kind.DISPUTE_TO_REVIEW",
            // the button's words are the issue's own (17): "timebank" is the one long word, which admins know
            "export.start");

    static final Properties ENGLISH = load("messages.properties");
    static final Properties FRENCH = load("messages_fr.properties");

    @Test
    void everySentenceOfThePortalReadsPlainlyInEnglishAndFrench() {
        BundleCheck check = BundleCheck.of("messages", key -> aShortLabel(key) || REVIEWED.contains(key));

        System.out.println("[words] " + check.summary());
        assertThat(check.findings()).isEmpty();
        assertThat(check.textsChecked()).isGreaterThan(300);
    }

    static boolean aShortLabel(String key) {
        return words(ENGLISH.getProperty(key)) <= LABEL_WORDS && words(FRENCH.getProperty(key)) <= LABEL_WORDS + 2;
    }

    private static int words(String text) {
        return text == null ? 0 : text.strip().split("[\\s\\u00a0\\u202f]+").length;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(PortalWordsTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
