package org.reciprocity.matching.vocabulary;

import java.time.DayOfWeek;
import java.util.Locale;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/** A part of a weekday a member is usually free: {@code TUESDAY_AFTERNOON}. */
public record Slot(DayOfWeek day, Part part) {

    public enum Part { MORNING, AFTERNOON, EVENING }

    public static Slot parse(String value) {
        String[] bits = value == null ? new String[0] : value.strip().toUpperCase(Locale.ROOT).split("_");
        try {
            if (bits.length == 2) {
                return new Slot(DayOfWeek.valueOf(bits[0]), Part.valueOf(bits[1]));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the readable message
        }
        throw new Refused(MatchingRefusal.NOT_A_SLOT.with("value", value));
    }

    @Override
    public String toString() {
        return day + "_" + part;
    }
}
