package org.reciprocity.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every page and e-mail text, and every API refusal, exists in English and in French. */
class WordsTest {

    @Test
    void everyKeyHasBothLanguages() throws Exception {
        assertSameKeys("/i18n/messages.properties", "/i18n/messages_fr.properties");
        assertSameKeys("/org/reciprocity/identity/api/ApiRefusal.properties", "/org/reciprocity/identity/api/ApiRefusal_fr.properties");
    }

    @Test
    void everyPasswordRefusalHasWords() throws Exception {
        Properties english = load("/i18n/messages.properties");
        for (PasswordRules.Refused refused : PasswordRules.Refused.values()) {
            assertThat(english).containsKey(refused.code());
        }
    }

    private static void assertSameKeys(String english, String french) throws Exception {
        Properties en = load(english);
        Properties fr = load(french);
        assertThat(fr.keySet()).as(french).containsExactlyInAnyOrderElementsOf(en.keySet());
        System.out.println(english + ": " + en.size() + " texts in English and French");
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(WordsTest.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
