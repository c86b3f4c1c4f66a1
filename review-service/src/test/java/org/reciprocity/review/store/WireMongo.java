package org.reciprocity.review.store;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One mongo-java-server for the store's tests, reached over its wire protocol by the real driver as the
 * service reaches its database; started at first use, stopped with the test JVM. Each test names its own
 * database or collection, so the tests share the server and nothing else.
 */
final class WireMongo {

    private static MongoServer server;
    private static MongoClient client;

    private WireMongo() {
    }

    static synchronized MongoClient client() {
        if (client == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.shutdownNow();
            }));
        }
        return client;
    }
}
