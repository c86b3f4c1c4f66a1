package org.reciprocity.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on the H2 MVStore backend. A write is answered
 * only once it is on the device (committed and fsynced, see {@link DurableH2Backend}): a crash of the
 * process, or of the machine, never takes back a write a service was told is saved.
 *
 * <p>{@code -Dreciprocity.mongo.durable=false} brings back the old store, which H2 writes to disk in the
 * background about once a second: kept only as the benchmark's baseline ({@code scripts/bench-ledger.sh}).
 */
final class MongoNode implements AutoCloseable {

    /**
     * Netty threads that serve connections. A command waits for its flush on the thread that serves its
     * connection, so each connection needs a thread of its own for the writes of many connections to
     * share one flush; the services' pools open a few dozen connections between them.
     */
    private static final int SERVING_THREADS = 128;

    private final MongoServer server;
    private final H2Backend backend;

    private MongoNode(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    static MongoNode start(Path dataDir, int port) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        String file = dir.resolve("reciprocity.mv").toString();
        boolean durable = Boolean.parseBoolean(System.getProperty("reciprocity.mongo.durable", "true"));
        H2Backend backend = durable
                ? DurableH2Backend.open(file, Duration.ofNanos(Long.getLong("reciprocity.mongo.commit-window-micros", 0) * 1_000))
                : new H2Backend(file);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 0, durable ? SERVING_THREADS : 0);
        return new MongoNode(server, backend);
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
