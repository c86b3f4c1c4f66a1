package org.reciprocity.kit.problem;

/**
 * The refusals and errors every service shares: sign-in, permission, malformed requests and the
 * HTTP errors Spring raises before a controller runs. A service lists its own in its own enum.
 * Their words are in Problems.properties (English) and Problems_fr.properties, by code.
 */
public enum Problems implements Reason {
    NOT_SIGNED_IN(Outcome.NOT_SIGNED_IN),
    SIGNED_IN_ELSEWHERE(Outcome.NOT_PERMITTED),
    NOT_PERMITTED(Outcome.NOT_PERMITTED),
    SIGN_IN_UNAVAILABLE(Outcome.UNAVAILABLE),
    INVALID_FIELDS(Outcome.INVALID),
    INVALID_VALUE(Outcome.INVALID),
    UNREADABLE_REQUEST(Outcome.INVALID),
    NO_SUCH_PAGE(Outcome.NOT_FOUND),
    NOT_FOUND(Outcome.NOT_FOUND),
    METHOD_NOT_SUPPORTED(Outcome.INVALID),
    MEDIA_TYPE_NOT_SUPPORTED(Outcome.INVALID),
    NOT_ACCEPTABLE(Outcome.INVALID),
    IDEMPOTENCY_KEY_INVALID(Outcome.INVALID),
    IDEMPOTENCY_KEY_REUSED(Outcome.REFUSED),
    IDEMPOTENCY_KEY_IN_FLIGHT(Outcome.CONFLICT),
    REQUEST_REJECTED(Outcome.INVALID),
    TOO_LARGE(Outcome.TOO_LARGE),
    SERVER_ERROR(Outcome.INTERNAL);

    private final Outcome outcome;

    Problems(Outcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }
}
