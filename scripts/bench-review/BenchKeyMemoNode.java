package org.reciprocity.platform;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Benchmark only (review-service's bench, {@code durable-h2-keymemo}): the platform's durable H2 store
 * ({@link MongoNode} on {@link DurableH2Backend}: same group commit, same file settings, same serving
 * threads) with one change, to measure what it would give: the unique indexes' keys are compared
 * without serialising them again at every comparison.
 *
 * <p>Why: mongo-java-server keys every unique index (the {@code _id} index too) by its {@code KeyValue},
 * a class H2's {@link ObjectDataType} does not know, so H2 orders such keys by comparing their Java
 * serialisations, and serialises both keys anew at every comparison of a B-tree search (a JFR recording
 * of review-service's bench: two thirds of the store's CPU under {@code SerializedObjectType.compare}).
 * Here the serialised bytes of a key are kept (weakly, by key) and compared exactly as H2 compares them,
 * so the order is the platform's and the keys are written with the same bytes (H2's own {@code write}):
 * only the CPU differs. Not tried on a file the platform wrote.
 */
final class BenchKeyMemoNode {

    private BenchKeyMemoNode() {
    }

    static void start(Path dataDir, int port) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        // -Dbench.h2.cache-mb: H2's page cache (16 MB by default, as on the platform), to measure a bigger one
        MVStore store = new MVStore.Builder().fileName(dir.resolve("reciprocity.mv").toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).cacheSize(Integer.getInteger("bench.h2.cache-mb", 16)).open();
        store.setRetentionTime(5_000);
        MongoServer server = new MongoServer(new Backend(store));
        server.bind(new InetSocketAddress("127.0.0.1", port), 0, 128);
    }

    /** H2's order of serialised objects, with each key's serialisation computed once while the key lives. */
    static final class MemoKeyType extends ObjectDataType {

        private final Map<KeyValue, byte[]> serialised = Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                return a == b ? 0 : compareNotNull(bytes(x), bytes(y));
            }
            return super.compare(a, b);
        }

        private byte[] bytes(KeyValue key) {
            byte[] bytes = serialised.get(key);
            if (bytes == null) {
                bytes = serialize(key);
                serialised.put(key, bytes);
            }
            return bytes;
        }
    }

    private static final class Database extends H2Database {

        Database(String name, MVStore store, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            try {
                // called from H2Database's constructor too: its store is read from its own field
                Field field = H2Database.class.getDeclaredField("mvStore");
                field.setAccessible(true);
                MVStore store = (MVStore) field.get(this);
                MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_"
                        + indexName, new MVMap.Builder<KeyValue, Object>().keyType(new MemoKeyType()));
                Constructor<H2UniqueIndex> index = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class,
                        List.class, boolean.class);
                index.setAccessible(true);
                return (Index<Object>) (Index<?>) index.newInstance(map, indexName, keys, sparse);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@link DurableH2Backend}'s command handling (every write answered once flushed), on {@link Database}. */
    private static final class Backend extends H2Backend {

        private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
                "listindexes", "listdatabases", "dbstats", "collstats", "validate", "ping", "ismaster", "hello",
                "buildinfo", "serverstatus", "whatsmyuri", "getlasterror", "killcursors", "endsessions",
                "connectionstatus", "hostinfo", "getcmdlineopts", "getlog", "replsetgetstatus",
                "getfreemonitoringstatus", "getparameter", "aggregate");

        private final GroupCommit commits;

        Backend(MVStore store) {
            super(store);
            this.commits = new GroupCommit(store, Duration.ZERO);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (READS.contains(command.toLowerCase(Locale.ROOT))) {
                return commits.read(() -> super.handleCommand(channel, database, command, query));
            }
            return commits.write(() -> super.handleCommand(channel, database, command, query));
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return commits.read(() -> super.handleQuery(query));
        }
    }
}
