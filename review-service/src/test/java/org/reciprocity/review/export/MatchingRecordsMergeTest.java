package org.reciprocity.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The listings' and matches' records merge as the review's facts do: any order, any number of
 * copies of the same events give the same record, which is what the events say happened.
 */
class MatchingRecordsMergeTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void aMatchIsTheSameWhateverOrderItsEventsArriveInAndHowOften() {
        List<MatchRecord> events = List.of(
                new MatchRecord("tb", "m", "pat", "sam", "o", "n", "MEMBER", 90L, T0, null, "PROPOSED", T0, null, null),
                new MatchRecord("tb", "m", "pat", "sam", "o", "n", null, 90L, null, T0.plusSeconds(3600), "AGREED",
                        T0.plusSeconds(3600), null, null),
                new MatchRecord("tb", "m", "pat", "sam", null, null, null, null, null, null, "COMPLETED",
                        T0.plusSeconds(7200), "c1", 90L));
        MatchRecord expected = new MatchRecord("tb", "m", "pat", "sam", "o", "n", "MEMBER", 90L, T0, T0.plusSeconds(3600),
                "COMPLETED", T0.plusSeconds(7200), "c1", 90L);
        assertThat(everyDelivery(events, MatchRecord::merge)).containsOnly(expected);
    }

    @Test
    void aListingKeepsWhatWasPublishedAndItsFirstEnding() {
        ListingRecord.Published published = new ListingRecord.Published("Gardening", "GARDENING", List.of("weeding"), 90,
                "IN_PERSON", "M14", false, T0, T0.plusSeconds(86_400 * 30));
        List<ListingRecord> events = List.of(
                new ListingRecord("tb", "l", "OFFER", "pat", published, null, null),
                new ListingRecord("tb", "l", "OFFER", "pat", null, "WITHDRAWN", T0.plusSeconds(60)),
                new ListingRecord("tb", "l", "OFFER", "pat", null, "EXPIRED", T0.plusSeconds(86_400 * 30)));
        ListingRecord expected = new ListingRecord("tb", "l", "OFFER", "pat", published, "WITHDRAWN", T0.plusSeconds(60));
        assertThat(everyDelivery(events, ListingRecord::merge)).containsOnly(expected);
        assertThat(expected.state()).isEqualTo("WITHDRAWN");
        assertThat(events.get(0).state()).isEqualTo("OPEN");
    }

    /** The record folded from 200 random deliveries: shuffled, with some events twice. */
    private static <T> List<T> everyDelivery(List<T> events, BinaryOperator<T> merge) {
        Random random = new Random(17);
        List<T> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<T> delivery = new ArrayList<>(events);
            for (T event : events) {
                if (random.nextBoolean()) {
                    delivery.add(event);
                }
            }
            Collections.shuffle(delivery, random);
            T folded = delivery.get(0);
            for (T next : delivery.subList(1, delivery.size())) {
                folded = merge.apply(folded, next);
            }
            results.add(folded);
        }
        return results;
    }
}
