package org.reciprocity.kit.problem;

/** What kind of answer a refusal is, and so its HTTP status. */
public enum Outcome {
    /** The request is malformed or a value is not valid (400). */
    INVALID(400),
    /** The caller is not signed in, or the sign-in is no longer valid (401). */
    NOT_SIGNED_IN(401),
    /** The caller may not do this (403). */
    NOT_PERMITTED(403),
    /** What the request names does not exist here (404). */
    NOT_FOUND(404),
    /** It clashes with something that already exists (409). */
    CONFLICT(409),
    /** The request is too large to read (413). */
    TOO_LARGE(413),
    /** Well formed, permitted, but the rules refuse it now: a state, a limit (422). */
    REFUSED(422),
    /** Too many at once (429). */
    TOO_MANY(429),
    /** Something broke on our side (500). */
    INTERNAL(500),
    /** Something the service depends on cannot be reached; try again soon (503). */
    UNAVAILABLE(503);

    private final int status;

    Outcome(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
