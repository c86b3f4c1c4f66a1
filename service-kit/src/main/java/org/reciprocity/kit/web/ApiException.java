package org.reciprocity.kit.web;

import org.reciprocity.kit.problem.Problems;
import org.reciprocity.kit.problem.Reason;
import org.reciprocity.kit.problem.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, as a {@link Refusal}: a stable code with its parameters, worded
 * for the member at the edge. Rendered as an RFC 9457 problem detail; nothing has been written when
 * it is thrown.
 */
public class ApiException extends RuntimeException {

    private final transient Refusal refusal;

    public ApiException(Refusal refusal) {
        super(refusal.english());
        this.refusal = refusal;
    }

    public static ApiException of(Reason reason, Object... namesAndValues) {
        return new ApiException(reason.with(namesAndValues));
    }

    /** "There is no {thing} '{id}' here." */
    public static ApiException notFound(String thing, String id) {
        return of(Problems.NOT_FOUND, "thing", thing, "id", id);
    }

    public Refusal refusal() {
        return refusal;
    }

    public HttpStatus status() {
        return HttpStatus.valueOf(refusal.outcome().status());
    }
}
