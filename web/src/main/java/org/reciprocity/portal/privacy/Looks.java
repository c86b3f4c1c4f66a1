package org.reciprocity.portal.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The services' lists of who looked at a member's data, merged into the lines the member reads: one
 * page a coordinator opens reads several things (the record, the statement, the matches), so looks by
 * one person for one reason within a few minutes make one line naming all they looked at.
 */
final class Looks {

    /** Looks closer together than this, by the same person for the same reason, are one visit. */
    static final Duration ONE_VISIT = Duration.ofMinutes(10);

    private Looks() {
    }

    /** One look as a service keeps it ({@code GET …/members/{id}/reads}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Read(String readerId, String readerRole, String what, String why, Instant at) {
    }

    /** One line of the page: who, as what, looked at these things, when (the latest look), why. */
    record Visit(String readerId, String readerRole, Set<String> what, String why, Instant at) {
    }

    /** The looks of every service as visits, newest first. */
    static List<Visit> visits(List<Read> reads) {
        List<Read> oldestFirst = new ArrayList<>(reads);
        oldestFirst.sort(Comparator.comparing(Read::at));
        List<Visit> visits = new ArrayList<>();
        for (Read read : oldestFirst) {
            Visit last = visits.isEmpty() ? null : visits.get(visits.size() - 1);
            if (last != null && last.readerId().equals(read.readerId()) && last.why().equals(read.why())
                    && !read.at().isAfter(last.at().plus(ONE_VISIT))) {
                Set<String> what = new LinkedHashSet<>(last.what());
                what.add(read.what());
                visits.set(visits.size() - 1, new Visit(last.readerId(), last.readerRole(), what, last.why(), read.at()));
            } else {
                visits.add(new Visit(read.readerId(), read.readerRole(), new LinkedHashSet<>(List.of(read.what())),
                        read.why(), read.at()));
            }
        }
        Collections.reverse(visits);
        return visits;
    }
}
