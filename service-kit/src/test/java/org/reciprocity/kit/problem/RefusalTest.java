package org.reciprocity.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.http.ProblemDetail;

class RefusalTest {

    @Test
    void aReasonsCodeIsItsNameInKebabCase() {
        assertThat(Problems.SIGNED_IN_ELSEWHERE.code()).isEqualTo("signed-in-elsewhere");
    }

    @Test
    void theEnglishWordsAreFilledWithTheNamedParameters() {
        Refusal refusal = Problems.NOT_FOUND.with("thing", "contribution", "id", "c-1");

        assertThat(refusal.english()).isEqualTo("There is no contribution 'c-1' here.");
        assertThat(refusal.params()).containsEntry("thing", "contribution").containsEntry("id", "c-1");
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
        assertThat(problem.getDetail()).isEqualTo("There is no member 'm-1' here.");
    }
}
