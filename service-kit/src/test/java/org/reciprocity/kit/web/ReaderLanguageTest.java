package org.reciprocity.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ReaderLanguageTest {

    private static Locale languageFor(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return ProblemDetailsAdvice.readerLanguage(request);
    }

    @Test
    void aFrenchBrowserReadsFrench() {
        assertThat(languageFor("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void theReadersFirstChoiceWinsAmongTheLanguagesWeSpeak() {
        assertThat(languageFor("pl,en;q=0.7,fr;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(languageFor("pl,fr;q=0.7,en;q=0.5")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void noHeaderAnUnknownLanguageOrAMalformedHeaderReadEnglish() {
        assertThat(languageFor(null)).isEqualTo(Locale.ENGLISH);
        assertThat(languageFor("pl")).isEqualTo(Locale.ENGLISH);
        assertThat(languageFor(";;;q=x")).isEqualTo(Locale.ENGLISH);
    }
}
