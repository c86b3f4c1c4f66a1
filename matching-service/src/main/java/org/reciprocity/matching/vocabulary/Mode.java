package org.reciprocity.matching.vocabulary;

import java.util.Locale;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/** How help is given: face to face, at a distance, or in a group (worded by the bundles: mode.REMOTE=online). */
public enum Mode {
    IN_PERSON, REMOTE, GROUP;

    public static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            throw new Refused(MatchingRefusal.MODE_NEEDED);
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new Refused(MatchingRefusal.UNKNOWN_MODE.with("value", value));
        }
    }
}
