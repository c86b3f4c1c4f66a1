package org.reciprocity.ledger.book;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs ledger commands: one at a time per timebank (a timebank's entries form one chain), many
 * timebanks in parallel. Across instances, a timebank is written only by the instance holding its
 * lease ({@link WriteLeases}); that instance keeps what it read and wrote between commands
 * ({@link WriterState}), so a command mostly reads from memory and only writes to the database.
 * When it takes the lease, or after any failure, it reads afresh and rolls forward whatever a crash
 * left half-written. After a command it publishes the command's events from their outboxes
 * without holding the caller, in the order they were written ({@link PublishingLanes}): only while
 * it still holds the lease they were written under; a holder taking over from one that left events
 * unpublished publishes those first ({@link MongoBookStore#catchUp}). A command that lost a race
 * with another writer is retried on the fresh state.
 */
@Service
public class Bookkeeping {

    private static final int ATTEMPTS = 3;
    /** How long a command waits for another instance to give up a timebank's lease before it is refused. */
    static final Duration LEASE_WAIT = WriteLeases.LEASE.plusSeconds(5);
    /** How often a caller waiting for another instance's lease says so again. */
    static final Duration WANT_EVERY = Duration.ofSeconds(1);
    /** A lease unused this long goes back, so another instance can write the timebank. */
    static final Duration IDLE = Duration.ofSeconds(5);
    /**
     * How long a lease given back waits for its lane to publish what was written under it; past
     * that, it goes back saying so, and the next holder publishes what is left.
     */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(1);
    /** An event waiting in an outbox this long was missed by its writer (a crash, a lost lease). */
    static final Duration LEFT_AFTER = Duration.ofSeconds(30);

    private final MongoBookStore store;
    private final Ledger ledger;
    private final WriteLeases leases;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Each timebank's events in the order its commands wrote them (see {@link PublishingLanes}). */
    private final PublishingLanes lanes;

    Bookkeeping(MongoBookStore store, OutboxRelay relay, WriteLeases leases, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.ledger = new Ledger(store, clock);
        Executor publisher = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "ledger-outbox");
            thread.setDaemon(true);
            return thread;
        });
        this.lanes = new PublishingLanes(relay::tryFlush, leases::holds, publisher, Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    /**
     * Runs {@code command} against the ledger of {@code timebankId}, alone in that timebank; waits
     * up to {@link #LEASE_WAIT} while another instance writes the timebank, then refuses (503).
     */
    public <T> T run(String timebankId, Function<Ledger, T> command) {
        return attempt(timebankId, command, LEASE_WAIT, false).orElseThrow(() -> ApiException.of(LedgerRefusal.LEDGER_BUSY))
                .value();
    }

    /**
     * Runs a write the ledger's model does not make (an erasure blanking words in stored
     * contributions) alone in the timebank, then lets the writer forget what it kept of the timebank,
     * so a later command reads the changed documents afresh instead of writing an older copy back.
     */
    public void runAndReadAfresh(String timebankId, Runnable write) {
        try {
            run(timebankId, ledger -> {
                write.run();
                throw new ReadAfresh();
            });
        } catch (ReadAfresh done) {
            // the write is done; the failure path forgot the writer's state, which is all this wanted
        }
    }

    /** Not a failure: the way {@link #runAndReadAfresh} asks the command's ending to forget the writer's state. */
    private static final class ReadAfresh extends RuntimeException {
        ReadAfresh() {
            super(null, null, false, false);
        }
    }

    /** Like {@link #run}, but does nothing (empty) if another instance holds the timebank's lease now. */
    public <T> Optional<T> runIfFree(String timebankId, Function<Ledger, T> command) {
        return attempt(timebankId, command, Duration.ZERO, false).map(Ran::value);
    }

    /** What a command returned, possibly null, once it ran. */
    private record Ran<T>(T value) {
    }

    /** {@code catchUp}: publish what earlier writers left in the timebank's outboxes first, whoever held the lease before. */
    private <T> Optional<Ran<T>> attempt(String timebankId, Function<Ledger, T> command, Duration wait, boolean catchUp) {
        ReentrantLock lock = locks.computeIfAbsent(timebankId, id -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        for (int attempt = 1; ; attempt++) {
            WriterState state = acquire(timebankId, lock, deadline, !wait.isZero());
            if (state == null) {
                return Optional.empty();
            }
            List<OutboxRelay.Pending> outboxes;
            T result;
            try {
                store.beginCommand(state);
                if (!state.loaded()) {
                    store.rollForward(timebankId);
                    state.markLoaded();
                }
                if (state.takeCatchUp() | (catchUp && attempt == 1)) {
                    store.catchUp(timebankId);
                }
                result = command.apply(ledger);
                outboxes = store.writtenOutboxes();
            } catch (MongoBookStore.ConcurrentPostingException lostRace) {
                state.reset();
                publishInOrder(timebankId, state, store.writtenOutboxes()); // what the attempt committed before it lost
                if (attempt == ATTEMPTS) {
                    throw lostRace;
                }
                continue;
            } catch (RuntimeException | Error failed) {
                // a write may have failed half-way: trust nothing kept, read afresh next time; what it
                // wrote before failing is committed, so its events go out now rather than at the next scan
                state.reset();
                publishInOrder(timebankId, state, store.writtenOutboxes());
                throw failed;
            } finally {
                store.endCommand();
                lock.unlock();
            }
            publishInOrder(timebankId, state, outboxes);
            return Optional.of(new Ran<>(result));
        }
    }

    /**
     * Takes the timebank's local lock and its lease, and returns its state with the lock held; null
     * (lock not held) once {@code deadline} has passed. Neither is waited for while holding the
     * other, so a caller waiting for another instance's lease does not hold up this instance; a
     * caller that {@code saysWanted} tells the holder, which then hands the lease over.
     */
    private WriterState acquire(String timebankId, ReentrantLock lock, long deadline, boolean saysWanted) {
        long nextWant = System.nanoTime();
        while (lockBefore(lock, deadline)) {
            Optional<WriterState> state = leases.claim(timebankId);
            if (state.isPresent()) {
                return state.get();
            }
            lock.unlock();
            if (saysWanted && System.nanoTime() >= nextWant) {
                leases.want(timebankId);
                nextWant = System.nanoTime() + WANT_EVERY.toNanos();
            }
            if (!pauseBefore(deadline)) {
                return null;
            }
        }
        return null;
    }

    private static boolean lockBefore(ReentrantLock lock, long deadline) {
        try {
            return lock.tryLock(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits a moment before asking for the lease again; false once the deadline has passed. */
    private static boolean pauseBefore(long deadline) {
        if (System.nanoTime() >= deadline) {
            return false;
        }
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Gives back the leases of timebanks this instance has not written lately, or that another
     * instance is waiting to write (a fair handoff: a busy timebank does not starve the others).
     */
    @Scheduled(fixedDelayString = "PT1S")
    void releaseIdleLeases() {
        List<String> wanted = leases.wantedElsewhere();
        java.util.Set<String> giveBack = new java.util.LinkedHashSet<>(leases.idleSince(IDLE));
        giveBack.addAll(wanted);
        for (String timebankId : giveBack) {
            ReentrantLock lock = locks.get(timebankId);
            if (lock != null && lock.tryLock()) {
                try {
                    boolean drained = lanes.awaitDrained(timebankId, DRAIN_WAIT);
                    if (wanted.contains(timebankId)) {
                        leases.yieldTo(timebankId, drained);
                    } else {
                        leases.release(timebankId, drained);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Publishes what writers left in outboxes (an instance that died, or lost its lease in a pause
     * and wrote once more), timebank by timebank, in written order, by the holder of each
     * timebank's lease: this instance, when it holds the lease or can take it; else the holder's own
     * sweep does. These collections are left out of the relay's scan (LedgerApplication), which
     * would publish them in no particular order.
     */
    @Scheduled(fixedDelayString = "${reciprocity.outbox.scan-interval:1m}", initialDelayString = "PT5S")
    void publishLeftovers() {
        publishLeftovers(java.time.Instant.now().minus(LEFT_AFTER));
    }

    /** Publishes what waits in the outboxes of the timebanks with an event written before {@code settled}. */
    void publishLeftovers(java.time.Instant settled) {
        for (String timebankId : store.timebanksWithLeftovers(settled)) {
            try {
                attempt(timebankId, ledger -> null, Duration.ZERO, true);
            } catch (RuntimeException e) {
                // the next sweep tries again; one timebank must not keep the others waiting
            }
        }
    }

    /** At shutdown, another instance may take over at once. */
    @PreDestroy
    void releaseLeases() {
        leases.releaseAll(timebankId -> lanes.awaitDrained(timebankId, DRAIN_WAIT));
    }

    private void publishInOrder(String timebankId, WriterState state, List<OutboxRelay.Pending> outboxes) {
        lanes.publish(timebankId, state.epoch, outboxes);
    }

    /** A test's hold on this instance's publishing, as a pause would hold it. */
    void beforeEachBatch(java.util.function.Consumer<List<OutboxRelay.Pending>> hold) {
        lanes.beforeEachBatch = hold;
    }

    public MongoBookStore store() {
        return store;
    }
}
