package org.reciprocity.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A problem detail speaks the reader's language (English or French, from the browser's
 * Accept-Language) and says what to write instead, with no field names or Java types in its words.
 */
class ProblemWordsTest {

    static FakeIssuer issuer;
    static KitApp app;

    @BeforeAll
    static void start() {
        issuer = FakeIssuer.start(FakeIssuer.Mode.ANSWERS);
        app = KitApp.start(issuer.properties());
    }

    @AfterAll
    static void stop() {
        app.close();
        issuer.close();
    }

    @Test
    void aDateWrittenDayFirstIsRefusedWithTheFormToUseInEnglish() {
        KitApp.Answer answer = app.post("/api/v1/dated", token(), "{\"on\":\"30/11/2026\",\"minutes\":30}", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid-fields");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("on");
        assertThat(answer.json().path("errors").get(0).path("code").asString()).isEqualTo("date");
        assertThat(answer.json().path("detail").asString())
                .isEqualTo("Some details need to be put right. Nothing was changed. Write the date as year, month, day, like 2026-11-30.")
                .doesNotContain("ISO", "LocalDate", "Failed to read");
    }

    @Test
    void aFrenchReaderIsAnsweredInFrench() {
        KitApp.Answer answer = app.post("/api/v1/dated", token(), "{\"on\":\"30/11/2026\",\"minutes\":30}", "fr-FR,fr;q=0.9");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asString()).startsWith("Certaines informations sont à corriger.")
                .contains("année-mois-jour, par exemple 2026-11-30");
        assertThat(answer.json().path("errors").get(0).path("message").asString()).startsWith("Écrivez la date");
    }

    @Test
    void minutesInWordsAskForAWholeNumber() {
        KitApp.Answer answer = app.post("/api/v1/dated", token(), "{\"on\":\"2026-11-30\",\"minutes\":\"half an hour\"}", "en");

        assertThat(answer.json().path("errors").get(0).path("code").asString()).isEqualTo("whole-number");
        assertThat(answer.json().path("detail").asString()).endsWith("Write a whole number, like 30.");
    }

    @Test
    void aRefusalWithNoBodyToReadIsInFrenchToo() {
        KitApp.Answer answer = app.post("/api/v1/dated", null, "{}", "fr");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("detail").asString()).startsWith("Merci de vous reconnecter.");
    }

    @Test
    void theTitleIsInTheReadersLanguageToo() {
        KitApp.Answer french = app.post("/api/v1/dated", token(), "{\"on\":\"30/11/2026\",\"minutes\":30}", "fr");
        KitApp.Answer english = app.post("/api/v1/dated", token(), "{\"on\":\"30/11/2026\",\"minutes\":30}", "en");

        assertThat(french.json().path("title").asString()).isEqualTo("Merci de vérifier ce que vous avez envoyé");
        assertThat(english.json().path("title").asString()).isEqualTo("Please check what you sent");
    }

    private static String token() {
        return issuer.token("member-1", "tb-1", "MEMBER");
    }
}
