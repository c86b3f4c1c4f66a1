package org.reciprocity.notification.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.queue.OpenContribution.State;

class CoordinatorQueueTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final Duration THREE_DAYS = Duration.ofDays(3);
    static final String COORD = "coord";

    final OpenContribution loggedFiveDaysAgo = waiting("c-old", "sam", "ali", NOW.minus(Duration.ofDays(5)));
    final OpenContribution loggedYesterday = waiting("c-new", "sam", "ali", NOW.minus(Duration.ofDays(1)));
    final OpenContribution disputed = new OpenContribution("c-dispute", "tb", "kim", "lee", 60,
            NOW.minus(Duration.ofDays(2)), State.DISPUTED, NOW.minus(Duration.ofDays(1)));

    @Test
    void listsOpenDisputesAndContributionsWaitingLongerThanTheThreshold() {
        CoordinatorQueue queue = CoordinatorQueue.of(List.of(loggedYesterday, loggedFiveDaysAgo, disputed), COORD, NOW,
                THREE_DAYS);

        assertThat(queue.disputes()).containsExactly(disputed);
        assertThat(queue.waiting()).containsExactly(loggedFiveDaysAgo);
    }

    @Test
    void aZeroThresholdListsEveryWaitingContributionOldestFirst() {
        CoordinatorQueue queue = CoordinatorQueue.of(List.of(loggedYesterday, loggedFiveDaysAgo), COORD, NOW, Duration.ZERO);

        assertThat(queue.waiting()).containsExactly(loggedFiveDaysAgo, loggedYesterday);
    }

    @Test
    void aCoordinatorIsNotAskedAboutTheirOwnHours() {
        OpenContribution theirs = waiting("c-mine", COORD, "ali", NOW.minus(Duration.ofDays(9)));

        assertThat(CoordinatorQueue.of(List.of(theirs), COORD, NOW, THREE_DAYS).isEmpty()).isTrue();
        assertThat(CoordinatorQueue.of(List.of(theirs), "coord-2", NOW, THREE_DAYS).isEmpty()).isFalse();
    }

    @Test
    void closedContributionsAndRecentOnesMakeAnEmptyQueue() {
        OpenContribution closed = new OpenContribution("c-x", "tb", "sam", "ali", 60, NOW.minus(Duration.ofDays(9)),
                State.CLOSED, null);

        assertThat(CoordinatorQueue.of(List.of(closed, loggedYesterday), COORD, NOW, THREE_DAYS).isEmpty()).isTrue();
    }

    @Test
    void theDigestCountsEverythingButListsAtMostTheLimitDisputesFirst() {
        Map<String, String> params = CoordinatorQueue.of(List.of(loggedFiveDaysAgo, disputed,
                waiting("c-older", "ali", "sam", NOW.minus(Duration.ofDays(6)))), COORD, NOW, THREE_DAYS).digestParams(2);

        assertThat(params).containsEntry(Notices.WAITING, "2").containsEntry(Notices.DISPUTES, "1")
                .containsEntry(Notices.ITEM + 0, "DISPUTE|kim|lee|60|2026-11-25T08:00:00Z")
                .containsEntry(Notices.ITEM + 1, "WAITING|ali|sam|90|2026-11-20T08:00:00Z")
                .doesNotContainKey(Notices.ITEM + 2)
                .containsEntry(Notices.MORE, "1");
    }

    private static OpenContribution waiting(String id, String giver, String receiver, Instant loggedAt) {
        return new OpenContribution(id, "tb", giver, receiver, 90, loggedAt, State.WAITING, null);
    }
}
