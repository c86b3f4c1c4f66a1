package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.kit.outbox.OutboxRelay;

/** A timebank's outboxes go out in the order they were written, even when the broker fails a batch. */
class PublishingLanesTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<List<String>> attempts = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_batch_that_failed_goes_out_before_anything_written_after_it() throws Exception {
        CountDownLatch laterWritten = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        PublishingLanes lanes = new PublishingLanes(batch -> {
            attempts.add(ids(batch));
            if (calls.getAndIncrement() == 0) {
                waitFor(laterWritten);
                return false; // the broker was away
            }
            return true;
        }, (timebank, epoch) -> true, executor, Duration.ofMillis(20), Duration.ofMillis(100));

        lanes.publish("tb", 1, List.of(pending("logged")));
        await().until(() -> attempts.size() == 1);
        lanes.publish("tb", 1, List.of(pending("validated")));
        laterWritten.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 2);
        assertThat(attempts).containsExactly(List.of("logged"), List.of("logged", "validated"));
    }

    @Test
    void a_lane_keeps_trying_a_failed_batch_until_it_goes_out_then_drains_as_usual() {
        AtomicInteger calls = new AtomicInteger();
        PublishingLanes lanes = new PublishingLanes(batch -> {
            attempts.add(ids(batch));
            return calls.incrementAndGet() > 3;
        }, (timebank, epoch) -> true, executor, Duration.ofMillis(10), Duration.ofMillis(20));

        lanes.publish("tb", 1, List.of(pending("a")));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 4);
        lanes.publish("tb", 1, List.of(pending("b")));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() == 5);

        assertThat(attempts).containsExactly(List.of("a"), List.of("a"), List.of("a"), List.of("a"), List.of("b"));
    }

    @Test
    void timebanks_do_not_wait_for_each_other() {
        CountDownLatch release = new CountDownLatch(1);
        PublishingLanes lanes = new PublishingLanes(batch -> {
            attempts.add(ids(batch));
            if (ids(batch).contains("stuck")) {
                waitFor(release);
            }
            return true;
        }, (timebank, epoch) -> true, executor, Duration.ofMillis(10), Duration.ofMillis(20));

        lanes.publish("tb-1", 1, List.of(pending("stuck")));
        lanes.publish("tb-2", 1, List.of(pending("free")));

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.contains(List.of("free")));
        release.countDown();
    }

    @Test
    void what_was_written_under_a_lease_lost_is_left_to_the_next_holder_not_published_late() {
        java.util.Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        held.add(2L);
        PublishingLanes lanes = new PublishingLanes(batch -> attempts.add(ids(batch)),
                (timebank, epoch) -> held.contains(epoch), executor, Duration.ofMillis(10), Duration.ofMillis(20));

        lanes.publish("tb", 1, List.of(pending("written-before-a-pause")));
        lanes.publish("tb", 2, List.of(pending("written-after-taking-the-lease-again")));

        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.awaitDrained("tb", Duration.ZERO));
        assertThat(attempts).containsExactly(List.of("written-after-taking-the-lease-again"));
    }

    @Test
    void a_lane_is_drained_only_once_its_batch_went_out() throws Exception {
        CountDownLatch brokerSlow = new CountDownLatch(1);
        PublishingLanes lanes = new PublishingLanes(batch -> {
            waitFor(brokerSlow);
            return attempts.add(ids(batch));
        }, (timebank, epoch) -> true, executor, Duration.ofMillis(10), Duration.ofMillis(20));

        lanes.publish("tb", 1, List.of(pending("logged")));

        assertThat(lanes.awaitDrained("tb", Duration.ofMillis(100))).isFalse();
        brokerSlow.countDown();
        assertThat(lanes.awaitDrained("tb", Duration.ofSeconds(5))).isTrue();
        assertThat(lanes.awaitDrained("never-written", Duration.ZERO)).isTrue();
    }

    private static OutboxRelay.Pending pending(String id) {
        return OutboxRelay.Pending.readBack("contributions", id);
    }

    private static List<String> ids(List<OutboxRelay.Pending> batch) {
        return batch.stream().map(p -> p.id().toString()).toList();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
