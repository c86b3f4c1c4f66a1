package org.reciprocity.ledger.book;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.reciprocity.kit.outbox.OutboxRelay;

/**
 * Publishes each timebank's outboxes in the order its commands wrote them: a command's outboxes
 * queue behind the earlier ones, and one drain at a time per timebank publishes everything queued
 * in one batch (one broker round trip, not one per command). A batch that fails stays at the head
 * of its lane and is tried again, after a pause, before anything written later: so a
 * contribution's validation never reaches its topic before its logging, even while the broker
 * comes and goes. The relay's scan still finds whatever a crash kept from being published.
 */
final class PublishingLanes {

    private final Predicate<List<OutboxRelay.Pending>> flush;
    private final Executor executor;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param flush publishes a batch and empties its outboxes, true on success; must not keep the
     *              batch for a later retry of its own (the lane retries it)
     */
    PublishingLanes(Predicate<List<OutboxRelay.Pending>> flush, Executor executor, Duration firstPause,
                    Duration longestPause) {
        this.flush = flush;
        this.executor = executor;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    void publish(String timebankId, List<OutboxRelay.Pending> outboxes) {
        if (outboxes.isEmpty()) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(timebankId, id -> new Lane());
        lane.queue.addAll(outboxes);
        if (lane.draining.compareAndSet(false, true)) {
            executor.execute(() -> drain(lane));
        }
    }

    private void drain(Lane lane) {
        List<OutboxRelay.Pending> failed = List.of();
        Duration pause = firstPause;
        while (true) {
            List<OutboxRelay.Pending> batch = new ArrayList<>(failed);
            OutboxRelay.Pending next;
            while ((next = lane.queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                if (flush.test(batch)) {
                    failed = List.of();
                    pause = firstPause;
                } else {
                    // read back when tried again: part of it may have gone out and been removed
                    failed = batch.stream().map(p -> OutboxRelay.Pending.readBack(p.collection(), p.id())).toList();
                    if (!sleep(pause)) {
                        return; // shutting down: the relay's scan at the next start publishes the rest
                    }
                    Duration doubled = pause.multipliedBy(2);
                    pause = doubled.compareTo(longestPause) > 0 ? longestPause : doubled;
                }
                continue;
            }
            lane.draining.set(false);
            // an outbox queued between the last poll and the reset must not wait for the next command
            if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The outboxes of one timebank waiting to be published, and whether a drain is running. */
    private static final class Lane {
        final ConcurrentLinkedQueue<OutboxRelay.Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }
}
