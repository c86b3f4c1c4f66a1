package org.reciprocity.kit.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with a reason a member can read. Rendered as an RFC 9457
 * problem detail; nothing has been written when it is thrown.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Already exists", detail);
    }

    /** A well-formed command the rules refuse (a limit, a state, a permission within the timebank). */
    public static ApiException rejected(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Not allowed", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
