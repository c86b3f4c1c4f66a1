package org.reciprocity.ledger.book;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.reciprocity.kit.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each timebank's outboxes in the order its commands wrote them: a command's outboxes
 * queue behind the earlier ones, and one drain at a time per timebank publishes everything queued
 * in one batch (one broker round trip, not one per command). A batch that fails stays at the head
 * of its lane and is tried again, after a pause, before anything written later: so a
 * contribution's validation never reaches its topic before its logging, even while the broker
 * comes and goes.
 *
 * <p>Across instances: each outbox is queued with the epoch of the lease it was written under, and
 * before each batch goes out the lane asks whether this instance still holds that lease. Outboxes of
 * a lease lost (a pause past its end, a handover while the lane was still busy) are dropped from
 * the lane, not published late: they are still in their documents, and the next holder publishes
 * them, in written order, before anything of its own ({@link Bookkeeping}). The check and the send
 * are not atomic: a holder paused between the two sends its batch after the next holder published
 * the same events, which makes late duplicates (consumers dedupe by event id), never a first
 * publication out of order. Kafka transactions with a transactional id per timebank would fence the
 * old holder's producer instead, but would need a producer per timebank written (thousands) and every
 * consumer reading committed records only; the lease check costs one read per batch.
 */
final class PublishingLanes {

    private static final Logger log = LoggerFactory.getLogger(PublishingLanes.class);

    private final Predicate<List<OutboxRelay.Pending>> flush;
    private final Holds holds;
    private final Executor executor;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** Whether this instance still holds a timebank's lease taken at an epoch. */
    @FunctionalInterface
    interface Holds {
        boolean lease(String timebankId, long epoch);
    }

    /**
     * @param flush publishes a batch and empties its outboxes, true on success; must not keep the
     *              batch for a later retry of its own (the lane retries it)
     */
    PublishingLanes(Predicate<List<OutboxRelay.Pending>> flush, Holds holds, Executor executor, Duration firstPause,
                    Duration longestPause) {
        this.flush = flush;
        this.holds = holds;
        this.executor = executor;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
    }

    /** Queues outboxes written under the lease taken at {@code epoch}. */
    void publish(String timebankId, long epoch, List<OutboxRelay.Pending> outboxes) {
        if (outboxes.isEmpty()) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(timebankId, id -> new Lane());
        outboxes.forEach(o -> lane.queue.add(new Queued(epoch, o)));
        if (lane.draining.compareAndSet(false, true)) {
            executor.execute(() -> drain(timebankId, lane));
        }
    }

    /**
     * Waits up to {@code timeout} for everything queued for a timebank to be published; true if
     * nothing is left. (An outbox dropped as its lease was lost is not waiting: the holder that took
     * that lease over published it.) Call while no command of the timebank runs here, before giving its
     * lease back.
     */
    boolean awaitDrained(String timebankId, Duration timeout) {
        Lane lane = lanes.get(timebankId);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lane != null && (lane.draining.get() || !lane.queue.isEmpty())) {
            if (System.nanoTime() >= deadline || !sleep(Duration.ofMillis(5))) {
                return false;
            }
        }
        return true;
    }

    private void drain(String timebankId, Lane lane) {
        List<Queued> failed = List.of();
        Duration pause = firstPause;
        while (true) {
            List<Queued> batch = new ArrayList<>(failed);
            Queued next;
            while ((next = lane.queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                beforeEachBatch(batch);
                batch = stillHeld(timebankId, batch);
                if (batch.isEmpty() || flush.test(batch.stream().map(Queued::pending).toList())) {
                    failed = List.of();
                    pause = firstPause;
                } else {
                    // read back when tried again: part of it may have gone out and been removed
                    failed = batch.stream().map(q -> new Queued(q.epoch(),
                            OutboxRelay.Pending.readBack(q.pending().collection(), q.pending().id()))).toList();
                    if (!sleep(pause)) {
                        return; // shutting down: the next holder of the lease publishes the rest
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

    /** The outboxes of the batch whose lease this instance still holds; the others are left to the next holder. */
    private List<Queued> stillHeld(String timebankId, List<Queued> batch) {
        Map<Long, Boolean> held = new HashMap<>();
        List<Queued> kept = batch.stream()
                .filter(q -> held.computeIfAbsent(q.epoch(), epoch -> holds.lease(timebankId, epoch))).toList();
        if (kept.size() < batch.size()) {
            log.info("{} outbox(es) of timebank {} left to the next holder of its lease", batch.size() - kept.size(),
                    timebankId);
        }
        return kept;
    }

    /** A test's hold on the lane, as a pause of the instance would hold it; nothing in production. */
    volatile java.util.function.Consumer<List<OutboxRelay.Pending>> beforeEachBatch = batch -> { };

    private void beforeEachBatch(List<Queued> batch) {
        beforeEachBatch.accept(batch.stream().map(Queued::pending).toList());
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

    private record Queued(long epoch, OutboxRelay.Pending pending) {
    }

    /** The outboxes of one timebank waiting to be published, and whether a drain is running. */
    private static final class Lane {
        final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }
}
