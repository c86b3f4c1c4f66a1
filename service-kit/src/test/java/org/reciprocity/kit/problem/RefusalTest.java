package org.reciprocity.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.http.ProblemDetail;

class RefusalTest {

    @Test
    void aReasonsCodeIsItsNameInKebabCase() {
        assertThat(Problems.SIGNED_IN_ELSEWHERE.code()).isEqualTo("signed-in-elsewhere");
    }

    @Test
    void theWordsComeFromTheBundleBesideTheEnumFilledWithTheNamedParameters() {
        Refusal refusal = Problems.NOT_FOUND.with("thing", "listing", "id", "l-1");

        assertThat(refusal.english()).isEqualTo("We cannot find that listing. It may have been taken away, or the link may be wrong.");
        assertThat(refusal.params()).containsEntry("thing", "listing").containsEntry("id", "l-1");
    }

    @Test
    void aFrenchReaderReadsFrenchAndAParameterWithItsOwnWordsIsTranslatedToo() {
        Refusal refusal = Problems.NOT_FOUND.with("thing", "listing", "id", "l-1");

        assertThat(refusal.words(Locale.FRENCH)).isEqualTo(
                "Nous ne trouvons pas cette annonce. Cela a peut-être été retiré, ou le lien est faux.");
        assertThat(refusal.words(Locale.forLanguageTag("fr-CA"))).startsWith("Nous ne trouvons pas cette annonce.");
    }

    @Test
    void aLanguageReciprocityDoesNotSpeakGetsEnglishWhateverTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            assertThat(Problems.NOT_PERMITTED.refusal().words(Locale.forLanguageTag("pl"))).startsWith("You cannot do this");
            assertThat(Problems.NOT_PERMITTED.refusal().english()).startsWith("You cannot do this");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void everySharedReasonHasWordsInEnglishAndFrench() {
        for (Problems reason : Problems.values()) {
            String english = Wording.template(reason, Locale.ENGLISH);
            String french = Wording.template(reason, Locale.FRENCH);
            assertThat(english).as(reason.code()).isNotBlank();
            if (!english.equals("{detail}")) { // a parameter alone is worded where it is made
                assertThat(french).as(reason.code()).isNotBlank().isNotEqualTo(english);
            }
        }
    }

    @Test
    void aDateIsWrittenAsTheReaderWritesItWithTheFirstOfTheMonthAsAnOrdinalInFrench() {
        assertThat(Wording.date(java.time.LocalDate.of(2026, 12, 1), Locale.ENGLISH)).isEqualTo("1 December 2026");
        assertThat(Wording.date(java.time.LocalDate.of(2026, 12, 1), Locale.FRENCH)).isEqualTo("1er décembre 2026");
        assertThat(Wording.date(java.time.LocalDate.of(2026, 12, 2), Locale.FRENCH)).isEqualTo("2 décembre 2026");
    }

    @Test
    void parametersComeInPairs() {
        assertThatThrownBy(() -> Problems.NOT_FOUND.with("thing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProblemDetailCarriesTheCodeAsItsTypeAndItsParameters() {
        ProblemDetail problem = ProblemDetailsAdvice.problem(Problems.NOT_FOUND.with("thing", "member", "id", "m-1"));

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("urn:reciprocity:problem:not-found");
        assertThat(problem.getProperties()).containsEntry("code", "not-found");
        assertThat(problem.getDetail()).startsWith("We cannot find that member.");
    }
}
