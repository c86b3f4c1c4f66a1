package org.reciprocity.identity.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.words.BundleCheck;

/**
 * The sign-in pages and e-mails are the first words a new member reads, often anxious about a new
 * service: every text reads plainly in English (reading age 9 or below) and in French (ease 60 or
 * more, non-breaking spaces before French punctuation), with the same parameters in both.
 */
class IdentityWordsTest {

    /**
     * Reviewed: labels, titles and buttons of two or three words in the words every public service uses
     * for them ("E-mail address", "Se connecter", "Choisir ma connexion", "Se connecter autrement"), which a reading score cannot
     * judge on so few words; and short lines whose only long word is the service's own name, Reciprocity,
     * which members see on every page.
     */
    static final Set<String> REVIEWED = Set.of("field.email", "follow.title", "login.submit", "login.title",
            "passkey.skip", "welcome.method", "welcome.submit", "upstream.refused.back", "go.to.portal", "welcome.title",
            "mail.link.subject");

    @Test
    void everySignInTextReadsPlainlyInEnglishAndFrench() {
        BundleCheck check = BundleCheck.of("i18n/messages", REVIEWED::contains);

        System.out.println("[words] " + check.summary() + "; reviewed exceptions: " + REVIEWED.size());
        assertThat(check.findings()).isEmpty();
        assertThat(check.textsChecked()).isGreaterThan(2 * 50);
    }
}
