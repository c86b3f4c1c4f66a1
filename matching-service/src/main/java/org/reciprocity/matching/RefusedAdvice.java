package org.reciprocity.matching;

import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as problem details with their code, like the kit's {@code ApiException}.
 * First in order, because the kit's advice answers every other exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedAdvice {

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return ProblemDetailsAdvice.problem(e.refusal());
    }
}
