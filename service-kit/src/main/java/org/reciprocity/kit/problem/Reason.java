package org.reciprocity.kit.problem;

import java.util.Locale;

/**
 * A kind of refusal or error, as a service's enum lists them: a stable code (the problem's
 * {@code type} ends with it, and the portal and the messages word it for their reader) and the
 * outcome (its HTTP status). Its words are not in the code but in a message bundle beside the enum
 * ({@code LedgerRefusal.properties} for English, {@code LedgerRefusal_fr.properties} for French),
 * keyed by the code, with {@code {named}} parameters; see {@link Wording}. Plain Java, so a domain
 * can refuse with one.
 */
public interface Reason {

    String PROBLEM_TYPE_PREFIX = "urn:reciprocity:problem:";

    /** The enum constant's name: {@code NOT_OPEN} is the code {@code not-open}. */
    String name();

    Outcome outcome();

    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The English words, parameters still written {@code {name}}. */
    default String english() {
        return Wording.template(this, Locale.ENGLISH);
    }

    /** This reason with its parameters, given as name, value, name, value… */
    default Refusal with(Object... namesAndValues) {
        return Refusal.of(this, namesAndValues);
    }

    default Refusal refusal() {
        return Refusal.of(this);
    }
}
