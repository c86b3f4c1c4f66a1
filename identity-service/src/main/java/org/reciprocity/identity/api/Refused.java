package org.reciprocity.identity.api;

/** Thrown by the API to answer with a problem detail. */
class Refused extends RuntimeException {

    final ApiRefusal reason;

    Refused(ApiRefusal reason) {
        super(reason.code());
        this.reason = reason;
    }
}
