package org.reciprocity.ledger.book;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an instance knows of a timebank while it holds that timebank's write lease: the chain head,
 * the accounts and the recent contributions as it last read or wrote them. Nobody else writes the
 * timebank meanwhile, and every write goes to the database before it is kept here (write-through),
 * so a command can read from here instead of the database. Used only under the timebank's local
 * lock. {@link #reset()} forgets everything: after any failure, the next command reads afresh and
 * rolls forward whatever was left half-written.
 */
final class WriterState {

    static final int MAX_ACCOUNTS = 20_000;
    static final int MAX_CONTRIBUTIONS = 5_000;

    final String timebankId;
    /** Which holding of the timebank's lease this state belongs to ({@link Leases.Taken#epoch}). */
    final long epoch;
    /** Whether what earlier holders left unpublished must be published before this holder's events. */
    private boolean catchUp;
    /** Events written under this holding so far: with the epoch, each one's place in the timebank. */
    private long written;
    private boolean loaded;
    private ChainHead head;
    private final Map<String, Account> accounts = recent(MAX_ACCOUNTS);
    private final Map<String, Contribution> contributions = recent(MAX_CONTRIBUTIONS);
    /** Each kept account's revision in the database: the condition of its next write. */
    private final Map<String, Long> revisions = new java.util.HashMap<>();
    private volatile Instant lastUsed;

    WriterState(String timebankId, Instant now) {
        this(timebankId, now, 0, false);
    }

    WriterState(String timebankId, Instant now, long epoch, boolean catchUp) {
        this.timebankId = timebankId;
        this.lastUsed = now;
        this.epoch = epoch;
        this.catchUp = catchUp;
    }

    /** True once: the first command of a holding that must publish what earlier holders left. */
    boolean takeCatchUp() {
        boolean due = catchUp;
        catchUp = false;
        return due;
    }

    /**
     * The place of the next event in the timebank's written order, across holders: later holdings
     * have higher epochs, and within a holding events are counted. Kept with each outbox entry, so
     * that what is left unpublished can be published in the order it was written, whatever
     * documents it waits in.
     */
    long nextOrder() {
        return (epoch << 32) | (++written & 0xFFFF_FFFFL);
    }

    /** Whether the state was read afresh (and half-written changes rolled forward) since the last reset. */
    boolean loaded() {
        return loaded;
    }

    void markLoaded() {
        loaded = true;
    }

    void reset() {
        loaded = false;
        head = null;
        accounts.clear();
        revisions.clear();
        contributions.clear();
    }

    ChainHead head() {
        return head;
    }

    void head(ChainHead head) {
        this.head = head;
    }

    Account account(String id) {
        return accounts.get(id);
    }

    /** Keeps an account as read or written, at its revision in the database. */
    void account(Account account, long revision) {
        accounts.put(account.id(), account);
        revisions.put(account.id(), revision);
    }

    /** The revision of a kept account, or null when it is not kept (it must be read again first). */
    Long revision(String accountId) {
        return accounts.containsKey(accountId) ? revisions.get(accountId) : null;
    }

    void forgetAccount(String accountId) {
        accounts.remove(accountId);
        revisions.remove(accountId);
    }

    Contribution contribution(String id) {
        return contributions.get(id);
    }

    void contribution(Contribution contribution) {
        contributions.put(contribution.id(), contribution);
    }

    void used(Instant now) {
        lastUsed = now;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    /** A map that keeps the most recently used entries and forgets the oldest beyond {@code max}. */
    private static <V> Map<String, V> recent(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
