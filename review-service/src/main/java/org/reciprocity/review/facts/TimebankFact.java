package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A timebank's zone, from {@code TimebankOpened}, keyed {@code <timebank>|}: the review's months are
 * the timebank's months. Read when figures are read (documents are filed under UTC months), so it
 * may arrive after the timebank's entries. One timebank is opened once; of two copies the earlier wins.
 */
public record TimebankFact(String timebankId, String zoneId, Instant openedAt) implements Fact<TimebankFact> {

    @Override
    public String id() {
        return Keys.timebank(timebankId);
    }

    @Override
    public TimebankFact merge(TimebankFact other) {
        return other.openedAt.isBefore(openedAt) ? other : this;
    }

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }
}
