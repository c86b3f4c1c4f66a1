package org.reciprocity.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A field refused by Bean Validation is explained beside it in the member's words and language
 * (the kit's {@code ValidationMessages}), not in the library's ("size must be between 0 and 500").
 * The validator is built as Spring Boot builds each service's.
 */
class ValidationWordsTest {

    record Body(@NotBlank String description, @NotNull @Min(1) @Max(1440) Long minutes, @Size(max = 3) String code,
                @Size(min = 2, max = 4) String word, @Email String email) {
    }

    private static Set<String> wordsFor(Body body, Locale reader) {
        LocaleContextHolder.setLocale(reader);
        try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
            validator.setMessageInterpolator(new MessageInterpolatorFactory().getObject());
            validator.afterPropertiesSet();
            return validator.getValidator().validate(body).stream().map(v -> v.getMessage()).collect(Collectors.toSet());
        }
    }

    @AfterEach
    void forgetTheReader() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void eachRefusalSaysWhatToDoInPlainEnglish() {
        assertThat(wordsFor(new Body(" ", 0L, "abcd", "a", "not an address"), Locale.ENGLISH)).containsExactlyInAnyOrder(
                "Please write something here.",
                "Please use a number of at least 1.",
                "Please use no more than 3 characters, or items in a list.",
                "Please use between 2 and 4 characters, or items in a list.",
                "Please write an e-mail address, like name@example.org.");
        assertThat(wordsFor(new Body("Walks", null, null, null, null), Locale.ENGLISH))
                .containsExactly("Please fill this in.");
        assertThat(wordsFor(new Body("Walks", 2000L, null, null, null), Locale.ENGLISH))
                .containsExactly("Please use a number no bigger than 1440.");
    }

    @Test
    void andInFrenchForAReaderInFrench() {
        assertThat(wordsFor(new Body("", 2000L, "abcd", "a", null), Locale.FRENCH)).containsExactlyInAnyOrder(
                "Merci d'écrire quelque chose ici.",
                "Merci d'utiliser un nombre qui ne dépasse pas 1440.",
                "Merci de ne pas dépasser 3 caractères, ou éléments d'une liste.",
                "Merci d’utiliser entre 2 et 4 caractères, ou éléments d'une liste.");
    }
}
