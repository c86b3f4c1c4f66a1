package org.reciprocity.matching;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The domain's refusals as RFC 9457 problems, like the kit's own {@code ApiException.rejected}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedAdvice {

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Not allowed");
        return problem;
    }
}
