package org.reciprocity.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, where an acknowledged write is on the device: every command goes
 * through {@link GroupCommit}, and the server sends a command's answer only when this method returns
 * (mongo-java-server answers from the same thread, right after {@code handleCommand}).
 *
 * <p>Every command arrives here: {@code handleMessage} (OP_MSG, what the drivers send) calls
 * {@code handleCommand}, and so do commands sent as OP_QUERY on {@code $cmd}. A command this class does
 * not know to be a read is treated as a write: a read taken for a write only waits for a flush.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that never change the store (lower case). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "validate", "ping", "ismaster", "hello",
            "buildinfo", "serverstatus", "whatsmyuri", "getlasterror", "killcursors", "endsessions",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getlog", "replsetgetstatus",
            "getfreemonitoringstatus", "getparameter");

    private static final int COMPACTION_MILLIS = 5_000;
    private static final int RETENTION_MILLIS = 5_000;

    private final GroupCommit commits;

    private DurableH2Backend(MVStore store, Duration commitWindow) {
        super(store);
        this.commits = new GroupCommit(store, commitWindow);
    }

    /**
     * Opens the store with H2's own background commit off: the group commit is the only one to commit
     * (see {@link GroupCommit}). A buffer size of 0 also stops a writer from committing when many
     * changes pile up in memory; the flusher commits every few milliseconds under load anyway.
     */
    static DurableH2Backend open(String fileName, Duration commitWindow) {
        // opened once to recover it and closed compacted (see close), then opened for good
        closeCompacted(openStore(fileName));
        return new DurableH2Backend(openStore(fileName), commitWindow);
    }

    /**
     * Closes the store, compacting it for a bounded time. Compaction is housekeeping: everything is
     * committed and forced before it starts. H2 2.4.240 sometimes fails an internal assertion while
     * moving chunks of a store recovered after a kill ({@code FreeSpaceBitSet.allocate}, seen once in
     * {@code AcknowledgedWritesSurviveAKillIT}); the store is then closed without compacting, rather
     * than failing the platform's start or stop over a file that is only larger than it need be.
     */
    static void closeCompacted(MVStore store) {
        try {
            store.close(COMPACTION_MILLIS);
        } catch (MVStoreException | AssertionError e) {
            PlatformLog.say("the store's file could not be compacted this time (" + e.getMessage()
                    + "); nothing is lost, it is only larger than it need be. Closing it without compacting.");
            store.closeImmediately();
        }
    }

    private static MVStore openStore(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).open();
        // H2 keeps a dead chunk's space for 45 s by default, in case the disk has not yet written what
        // replaced it; here every commit is forced before the next one starts, so that space is free to
        // reuse sooner (5 s still covers a scan reading an older version of a map). With a commit every
        // few milliseconds, 45 s of dead chunks is hundreds of megabytes (measured: 365 MiB against
        // 121 MiB after 60,000 small writes).
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (isRead(command, query)) {
            return commits.read(() -> super.handleCommand(channel, database, command, query));
        }
        return commits.write(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return commits.read(() -> super.handleQuery(query));
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOut(query.get("pipeline"));
        }
        return READS.contains(name);
    }

    /** An aggregation ending in {@code $out} or {@code $merge} writes a collection. */
    private static boolean writesOut(Object pipeline) {
        return pipeline instanceof List<?> stages && stages.stream()
                .anyMatch(s -> s instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    @Override
    public void close() {
        // stops the flusher first; H2's own close then commits whatever is left and closes the file
        commits.close();
        // H2's housekeeping (rewriting chunks that are mostly dead) runs in the background thread that is
        // off here, and frequent small commits leave many such chunks: the file grows by a few kilobytes a
        // write while the store runs (measured: ~170 MiB after 60,000 small writes, ~40 MiB compacted).
        // So it is compacted, for a bounded time, when it closes, and when it opens (after a crash too).
        closeCompacted(getMvStore());
        super.close(); // the store is closed already: this closes the rest of the backend
    }

}
