package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * How documents are keyed: {@code <timebank>|<thing>} and, for what is read a month at a time,
 * {@code <timebank>|<yyyy-MM>|<thing>}, so a page reads one {@code _id} range. Months are UTC months.
 */
public final class Keys {

    static final char SEPARATOR = '|';
    /** Sorts after every character an id holds: the exclusive end of a prefix's range. */
    public static final String END = "\uffff";

    private Keys() {
    }

    public static String of(String timebankId, String id) {
        return timebankId + SEPARATOR + id;
    }

    public static String of(String timebankId, YearMonth month, String id) {
        return timebankId + SEPARATOR + month + SEPARATOR + id;
    }

    public static String timebank(String timebankId) {
        return timebankId + SEPARATOR;
    }

    public static String month(String timebankId, YearMonth month) {
        return timebankId + SEPARATOR + month + SEPARATOR;
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
