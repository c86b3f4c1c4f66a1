package org.reciprocity.kit.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One refusal: its {@link Reason} and the parameters that make it exact ("this contribution is
 * {state}"). Tests and clients match the code; people read the words.
 */
public record Refusal(Reason reason, Map<String, Object> params) {

    public Refusal {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static Refusal of(Reason reason, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Refusal(reason, params);
    }

    public String code() {
        return reason.code();
    }

    public Outcome outcome() {
        return reason.outcome();
    }

    /** The English words with the parameters filled in. */
    public String english() {
        return words(Locale.ENGLISH);
    }

    /** The words in the reader's language (English or French), parameters filled in. */
    public String words(Locale locale) {
        return Wording.words(reason, params, locale);
    }

    /** The same reason with one more parameter (a prefix such as the attendee a refusal is about). */
    public Refusal and(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new Refusal(reason, more);
    }

    @Override
    public String toString() {
        return code() + params;
    }
}
