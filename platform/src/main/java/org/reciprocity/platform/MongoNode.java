package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on the H2 MVStore backend: data and unique
 * indexes survive a restart. H2 writes to disk in the background about once a second; this is a
 * local default, not a durability promise (production runs a MongoDB replica set).
 */
final class MongoNode implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;

    private MongoNode(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    static MongoNode start(Path dataDir, int port) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        H2Backend backend = new H2Backend(dir.resolve("reciprocity.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoNode(server, backend);
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
