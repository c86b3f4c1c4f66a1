package org.reciprocity.kit.problem;

import java.util.Locale;

/**
 * A kind of refusal or error, as a service's enum lists them: a stable code (the problem's
 * {@code type} ends with it, and the portal and the messages word it for their reader), the
 * outcome (its HTTP status), and default English words with {@code {named}} parameters.
 * Plain Java, so a domain can refuse with one.
 */
public interface Reason {

    String PROBLEM_TYPE_PREFIX = "urn:reciprocity:problem:";

    /** The enum constant's name: {@code NOT_OPEN} is the code {@code not-open}. */
    String name();

    Outcome outcome();

    /** The default English wording, parameters written {@code {name}}. */
    String english();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This reason with its parameters, given as name, value, name, value… */
    default Refusal with(Object... namesAndValues) {
        return Refusal.of(this, namesAndValues);
    }

    default Refusal refusal() {
        return Refusal.of(this);
    }
}
