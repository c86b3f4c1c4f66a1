package org.reciprocity.ledger.book;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
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
            List<String[]> outboxes;
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
                lock.unlock();
            }
            publishInOrder(timebankId, outboxes);
            return result;
        }
    }

    /**
     * Publishes a command's outboxes after those of the timebank's earlier commands, so the events
     * of one contribution reach their topic in the order they happened (log before validation).
     */
    private void publishInOrder(String timebankId, List<String[]> outboxes) {
        if (outboxes.isEmpty()) {
            return;
        }
        tails.compute(timebankId, (id, previous) -> (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .thenRunAsync(() -> outboxes.forEach(o -> relay.flush(o[0], o[1])), publisher));
        // forget finished chains so the map holds only timebanks with publishing in flight
        tails.computeIfPresent(timebankId, (id, tail) -> tail.isDone() ? null : tail);
    }

    public MongoBookStore store() {
        return store;
    }
}
