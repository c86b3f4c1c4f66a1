package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * Issue 12, "acknowledged means durable": the store hosted by the launcher is killed with SIGKILL
 * ({@code Process.destroyForcibly()} sends SIGKILL on Linux) while several clients write as fast as they
 * can; started again on the same data folder, it has every write it acknowledged — inserts and
 * {@code $inc} updates alike. Before, H2 wrote to disk about once a second and a kill lost up to a
 * second of acknowledged writes.
 */
class AcknowledgedWritesSurviveAKillIT {

    private static final int CYCLES = 5;
    private static final int WRITERS = 8;
    private static final String PAYLOAD = "x".repeat(300);

    @Test
    void everyAcknowledgedWriteIsThereAfterTheStoreIsKilledMidLoad() throws Exception {
        Path data = Files.createTempDirectory("reciprocity-durable-it");
        List<String> figures = new ArrayList<>();
        long lostInAll = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            int port = freePort();
            Process child = ChildJvm.start(data, List.of(StandaloneMongoNode.class.getName(), data.toString(),
                    Integer.toString(port)), Map.of(), data.resolve("mongo-" + cycle + ".log"));
            Acknowledged acknowledged = new Acknowledged();
            long loadMillis;
            try (MongoClient client = client(port)) {
                awaitPing(client, child);
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                for (int w = 0; w < WRITERS; w++) {
                    String writer = "c" + cycle + "-w" + w;
                    writers.submit(() -> writeUntilRefused(client, writer, acknowledged));
                }
                loadMillis = ThreadLocalRandom.current().nextLong(1_500, 3_000);
                Thread.sleep(loadMillis);
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-load
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers stopped").isTrue();
            }

            long lost;
            int again = freePort();
            try (MongoNode restarted = MongoNode.start(data, again); MongoClient client = client(again)) {
                lost = acknowledged.missingFrom(client.getDatabase("durability"));
            }
            lostInAll += lost;
            figures.add(String.format("cycle %d: killed after %d ms, %d inserts and %d increments acknowledged (%.0f writes/s), %d lost",
                    cycle, loadMillis, acknowledged.inserts.size(), acknowledged.increments.get(),
                    (acknowledged.inserts.size() + acknowledged.increments.get()) / (loadMillis / 1000.0), lost));
        }
        figures.forEach(System.out::println);
        assertThat(lostInAll).as("acknowledged writes lost over %d kills:%n%s", CYCLES, String.join("\n", figures)).isZero();
    }

    /** What the store said it saved. */
    private static final class Acknowledged {
        final ConcurrentLinkedQueue<String> inserts = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicLong> incrementsByCounter = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong increments = new AtomicLong();

        long missingFrom(com.mongodb.client.MongoDatabase db) {
            Set<String> present = new HashSet<>();
            db.getCollection("inserts").find().projection(new Document("_id", 1))
                    .forEach(d -> present.add(d.getString("_id")));
            long lost = inserts.stream().filter(id -> !present.contains(id)).count();
            for (Map.Entry<String, AtomicLong> counter : incrementsByCounter.entrySet()) {
                Document saved = db.getCollection("counters").find(Filters.eq("_id", counter.getKey())).first();
                long kept = saved == null ? 0 : ((Number) saved.get("n")).longValue();
                lost += Math.max(0, counter.getValue().get() - kept);
            }
            return lost;
        }
    }

    /** Inserts a document and increments this writer's counter, in turn, until the store is gone. */
    private static void writeUntilRefused(MongoClient client, String writer, Acknowledged acknowledged) {
        MongoCollection<Document> inserts = client.getDatabase("durability").getCollection("inserts");
        MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
        AtomicLong counted = acknowledged.incrementsByCounter.computeIfAbsent(writer, w -> new AtomicLong());
        try {
            for (int n = 0; ; n++) {
                String id = writer + "-" + n;
                inserts.insertOne(new Document("_id", id).append("payload", PAYLOAD));
                acknowledged.inserts.add(id); // only once the server answered
                counters.updateOne(Filters.eq("_id", writer), Updates.inc("n", 1),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                counted.incrementAndGet();
                acknowledged.increments.incrementAndGet();
            }
        } catch (RuntimeException killed) {
            // the store is gone: what was acknowledged so far is what must survive
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .retryWrites(false) // a write is acknowledged once, by the server that saved it
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    private static void awaitPing(MongoClient client, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return;
            } catch (RuntimeException notYet) {
                assertThat(child.isAlive()).as("the store's JVM started").isTrue();
                assertThat(System.nanoTime()).as("the store answered within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        return FreePorts.one();
    }
}
