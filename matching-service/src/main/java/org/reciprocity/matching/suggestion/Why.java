package org.reciprocity.matching.suggestion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One reason for a suggestion, as programs read it: its code, the reader it was written for, and
 * its parameters (names, a category, minutes…: only what that reader may see). People read its
 * {@link #words(Locale) words}.
 *
 * @param code   a {@link SuggestionReason}'s code
 * @param form   who it is written for: the receiver, the giver, or someone else (a coordinator)
 * @param params the values its words use
 */
public record Why(String code, String form, Map<String, Object> params) {

    /** Who reads a reason: one side of the pairing ("you"), or someone who reads about both. */
    public enum Form {
        RECEIVER, GIVER, ABOUT;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Why {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static Why of(SuggestionReason reason, Form form, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new Why(reason.code(), form.key(), params);
    }

    /**
     * This reason with the two members' names put (back) first, as {@code Scoring} writes them: for a
     * reason stored without names (issue 18, a plan's proposals), named when it is read.
     */
    public Why withNames(String giver, String receiver) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("giver", giver);
        named.put("receiver", receiver);
        if (Form.RECEIVER.key().equals(form)) {
            named.put("other", giver);
        } else if (Form.GIVER.key().equals(form)) {
            named.put("other", receiver);
        }
        params.forEach((name, value) -> named.putIfAbsent(name, value));
        return new Why(code, form, named);
    }

    /** The reason in the reader's language (English or French). */
    public String words(Locale locale) {
        return ReasonWords.words(this, locale);
    }
}
