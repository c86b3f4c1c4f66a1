package org.reciprocity.platform;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded store: many writes, one forced flush, the writers released together.
 *
 * <p>A command that changed the store asks for a ticket once it has made its change, and waits. One
 * flusher thread takes the highest ticket, commits the MVStore (its changed pages written to the file as
 * a new chunk), forces the file to the device ({@code FileChannel.force}), and releases every ticket up to
 * the one it took: those changes were all in memory before the commit began, so that commit holds them.
 * Writers that arrive during a flush are gathered for the next one, so the cost of an fsync is shared by
 * as many writes as arrive while it runs.
 *
 * <p>The flusher is the only thread that commits (the store is opened with auto-commit off), and it
 * commits only between commands: each command changes several maps (the documents, then each unique
 * index), so a commit taken in the middle of one would make half of it durable. Commands share a lock
 * that the flusher takes exclusively for the commit itself (the pages written to the page cache, a
 * short moment); the fsync runs outside it, while the next commands already work.
 */
final class GroupCommit implements AutoCloseable {

    private final MVStore store;
    private final long windowNanos;
    private final ReadWriteLock commands = new ReentrantReadWriteLock();
    private final Thread flusher;

    private final Lock state = new ReentrantLock();
    // the flusher waits on one, the writers on the other: a new ticket wakes only the flusher
    private final Condition ticketTaken = state.newCondition();
    private final Condition flushed = state.newCondition();
    // guarded by state
    private long requested;
    private long durable;
    private RuntimeException failure;
    private boolean closed;
    // commands changing the store right now, or waiting for their change to be forced
    private int writing;

    /**
     * @param window how long the flusher waits, once woken, for more writers to join the flush; zero
     *               commits at once (writers that come during an fsync still share the next one)
     */
    GroupCommit(MVStore store, Duration window) {
        this.store = store;
        this.windowNanos = window.toNanos();
        this.flusher = new Thread(this::flushUntilClosed, "mongo-server-group-commit");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Runs a command that may change the store, and returns once its change is on the device. */
    <T> T write(Supplier<T> command) {
        changeWriting(+1);
        try {
            long ticket;
            commands.readLock().lock();
            try {
                return command.get();
            } finally {
                // taken before the lock is let go, so the next commit, which needs the lock, holds this change
                ticket = ticket();
                commands.readLock().unlock();
                await(ticket);
            }
        } finally {
            changeWriting(-1);
        }
    }

    /**
     * Runs a command that only reads. If a write was under way while it read, the answer may show that
     * write before it is durable (the outbox sweep would then publish the events of a write a crash could
     * take back), so it waits for the same flush as that write; when nothing is being written it answers at once.
     */
    <T> T read(Supplier<T> command) {
        T answer = command.get();
        state.lock();
        try {
            if (writing == 0) {
                return answer;
            }
        } finally {
            state.unlock();
        }
        await(ticket());
        return answer;
    }

    private void changeWriting(int by) {
        state.lock();
        try {
            writing += by;
        } finally {
            state.unlock();
        }
    }

    private long ticket() {
        state.lock();
        try {
            ticketTaken.signal();
            return ++requested;
        } finally {
            state.unlock();
        }
    }

    /** Waits until the flush that covers {@code ticket} is on the device. */
    private void await(long ticket) {
        state.lock();
        try {
            // uninterruptibly: an answer must not leave before its write is on the device
            while (durable < ticket && failure == null && !closed) {
                flushed.awaitUninterruptibly();
            }
            if (durable < ticket) {
                throw new IllegalStateException("the write could not be made durable", failure);
            }
        } finally {
            state.unlock();
        }
    }

    private void flushUntilClosed() {
        while (awaitTickets()) {
            if (windowNanos > 0) {
                LockSupport.parkNanos(windowNanos); // let more writers join this flush
            }
            try {
                flushOnce();
            } catch (RuntimeException e) {
                // the store panics on an I/O error and closes: no later write may be told it is saved
                finish(e);
                return;
            }
        }
    }

    /** Waits for a ticket not yet flushed; false once closed. */
    private boolean awaitTickets() {
        state.lock();
        try {
            while (requested == durable && !closed) {
                ticketTaken.awaitUninterruptibly();
            }
            return !closed;
        } finally {
            state.unlock();
        }
    }

    private void flushOnce() {
        long target;
        commands.writeLock().lock();
        try {
            // read under the lock: every ticket up to here was taken after its change was made
            state.lock();
            try {
                target = requested;
            } finally {
                state.unlock();
            }
            store.commit(); // the changed pages written to the file, as one new chunk
        } finally {
            commands.writeLock().unlock();
        }
        store.sync(); // FileChannel.force(true): on the device
        state.lock();
        try {
            durable = Math.max(durable, target);
            flushed.signalAll();
        } finally {
            state.unlock();
        }
    }

    private void finish(RuntimeException cause) {
        state.lock();
        try {
            failure = cause;
            closed = true;
            flushed.signalAll();
            ticketTaken.signal();
        } finally {
            state.unlock();
        }
    }

    /** Stops the flusher; commands still waiting are told their write failed. */
    @Override
    public void close() {
        finish(null);
        try {
            flusher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
