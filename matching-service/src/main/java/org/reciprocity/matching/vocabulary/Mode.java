package org.reciprocity.matching.vocabulary;

import java.util.Locale;

/** How help is given: face to face, at a distance, or in a group. */
public enum Mode {
    IN_PERSON("in person"), REMOTE("remotely"), GROUP("in a group");

    private final String words;

    Mode(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Say how the help is given: IN_PERSON, REMOTE or GROUP.");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a way of helping: IN_PERSON, REMOTE or GROUP.");
        }
    }
}
