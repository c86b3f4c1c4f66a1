package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * How documents are keyed: {@code <timebank>|<thing>} and, for what is read a month at a time,
 * {@code <timebank>|<yyyy-MM>|<thing>}, so a page reads one {@code _id} range. Documents are filed under UTC
 * months; the figures read the (at most two) UTC months a month of the timebank's zone overlaps.
 */
public final class Keys {

    static final char SEPARATOR = '|';
    /** Sorts after every character an id holds: the exclusive end of a prefix's range. */
    public static final String END = "\uffff";

    /** What an erased member's id is replaced by in what others' documents say (no account id looks like it). */
    public static final String ERASED = "(erased)";

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

    /** The timebank a document's id belongs to: what comes before the first separator. */
    public static String timebankOf(String id) {
        int end = id.indexOf(SEPARATOR);
        return end < 0 ? id : id.substring(0, end);
    }

    /** The UTC month a document is filed under (a storage key: the figures' months are the timebank's). */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The id, or {@link #ERASED} when it is an erased member's. */
    public static String forget(String id, java.util.function.Predicate<String> erased) {
        return id != null && erased.test(id) ? ERASED : id;
    }
}
