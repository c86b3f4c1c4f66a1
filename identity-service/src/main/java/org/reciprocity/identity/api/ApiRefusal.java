package org.reciprocity.identity.api;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/** Why the API refused, as a stable code; the words are in ApiRefusal(_fr).properties beside this class. */
enum ApiRefusal {
    NOT_SIGNED_IN(HttpStatus.UNAUTHORIZED),
    NOT_PERMITTED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    INVALID_VALUE(HttpStatus.BAD_REQUEST),
    EMAIL_IN_USE(HttpStatus.CONFLICT),
    ALREADY_SET_UP(HttpStatus.CONFLICT),
    LAST_ADMIN(HttpStatus.CONFLICT),
    ADMINS_BUSY(HttpStatus.CONFLICT);

    final HttpStatus status;

    ApiRefusal(HttpStatus status) {
        this.status = status;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
