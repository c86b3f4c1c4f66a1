package org.reciprocity.kit.problem;

/**
 * The refusals and errors every service shares: sign-in, permission, malformed requests and the
 * HTTP errors Spring raises before a controller runs. A service lists its own in its own enum.
 */
public enum Problems implements Reason {
    NOT_SIGNED_IN(Outcome.NOT_SIGNED_IN, "Please sign in again: this request has no valid sign-in."),
    SIGNED_IN_ELSEWHERE(Outcome.NOT_PERMITTED, "Your sign-in is for another timebank."),
    NOT_PERMITTED(Outcome.NOT_PERMITTED, "You do not have permission to do this."),
    SIGN_IN_UNAVAILABLE(Outcome.UNAVAILABLE,
            "We cannot check sign-ins just now. Nothing was changed; please try again in a minute."),
    INVALID_FIELDS(Outcome.INVALID, "Some details need correcting."),
    INVALID_VALUE(Outcome.INVALID, "{detail}"),
    UNREADABLE_REQUEST(Outcome.INVALID, "We could not read this request. Nothing was changed."),
    NO_SUCH_PAGE(Outcome.NOT_FOUND, "There is nothing at this address."),
    NOT_FOUND(Outcome.NOT_FOUND, "There is no {thing} '{id}' here."),
    METHOD_NOT_SUPPORTED(Outcome.INVALID, "This address does not take that kind of request."),
    MEDIA_TYPE_NOT_SUPPORTED(Outcome.INVALID, "This request's content type is not one we read; send JSON."),
    NOT_ACCEPTABLE(Outcome.INVALID, "We cannot answer in the format asked for."),
    IDEMPOTENCY_KEY_INVALID(Outcome.INVALID, "An Idempotency-Key is 1 to 200 characters."),
    IDEMPOTENCY_KEY_REUSED(Outcome.REFUSED, "This Idempotency-Key was already used for a different request."),
    IDEMPOTENCY_KEY_IN_FLIGHT(Outcome.CONFLICT,
            "A request with this Idempotency-Key is still being answered. This one changed nothing; try again in a moment."),
    REQUEST_REJECTED(Outcome.INVALID, "This request has characters or parts we do not accept. Nothing was changed."),
    TOO_LARGE(Outcome.TOO_LARGE, "This request is too large."),
    SERVER_ERROR(Outcome.INTERNAL, "Something went wrong on our side. Nothing was changed; please try again.");

    private final Outcome outcome;
    private final String english;

    Problems(Outcome outcome, String english) {
        this.outcome = outcome;
        this.english = english;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String english() {
        return english;
    }
}
