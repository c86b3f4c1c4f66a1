package org.reciprocity.ledger.book;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.stereotype.Service;

/**
 * Runs ledger commands: one at a time per timebank in this instance (a timebank's entries form one
 * chain), many timebanks in parallel. Before each command it rolls forward whatever a crash left
 * half-written; after it, it publishes the command's events from their outboxes without holding
 * the caller (the sweep publishes anything this misses). A command that lost a race with another
 * instance is retried on the fresh state.
 */
@Service
public class Bookkeeping {

    private static final int ATTEMPTS = 3;

    private final MongoBookStore store;
    private final Ledger ledger;
    private final OutboxRelay relay;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Executor publisher = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "ledger-outbox");
        thread.setDaemon(true);
        return thread;
    });

    Bookkeeping(MongoBookStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.ledger = new Ledger(store, clock);
    }

    /** Runs {@code command} against the ledger of {@code timebankId}, alone in that timebank. */
    public <T> T run(String timebankId, Function<Ledger, T> command) {
        ReentrantLock lock = locks.computeIfAbsent(timebankId, id -> new ReentrantLock());
        for (int attempt = 1; ; attempt++) {
            List<OutboxRelay.Pending> outboxes;
            T result;
            lock.lock();
            try {
                store.beginCommand();
                store.rollForward(timebankId);
                result = command.apply(ledger);
                outboxes = store.writtenOutboxes();
            } catch (MongoBookStore.ConcurrentPostingException lostRace) {
                if (attempt == ATTEMPTS) {
                    throw lostRace;
                }
                continue;
            } finally {
                store.endCommand();
                lock.unlock();
            }
            publishInOrder(timebankId, outboxes);
            return result;
        }
    }

    /**
     * Queues a command's outboxes behind those of the timebank's earlier commands and lets one
     * drain at a time per timebank publish everything queued in one batch, so a contribution's
     * events reach their topic in the order they happened (log before validation) without a
     * broker round trip per command.
     */
    private void publishInOrder(String timebankId, List<OutboxRelay.Pending> outboxes) {
        if (outboxes.isEmpty()) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(timebankId, id -> new Lane());
        lane.queue.addAll(outboxes);
        if (lane.draining.compareAndSet(false, true)) {
            publisher.execute(() -> drain(lane));
        }
    }

    private void drain(Lane lane) {
        while (true) {
            List<OutboxRelay.Pending> batch = new java.util.ArrayList<>();
            OutboxRelay.Pending next;
            while ((next = lane.queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                relay.flushPending(batch);
                continue;
            }
            lane.draining.set(false);
            // an outbox queued between the last poll and the reset must not wait for the next command
            if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** The outboxes of one timebank waiting to be published, and whether a drain is running. */
    private static final class Lane {
        final java.util.concurrent.ConcurrentLinkedQueue<OutboxRelay.Pending> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    }

    public MongoBookStore store() {
        return store;
    }
}
