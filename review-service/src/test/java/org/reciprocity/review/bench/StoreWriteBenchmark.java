package org.reciprocity.review.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * Not a test: what one of the projections' writes costs the store, alone (no broker, no Spring), at
 * the bar's size. N documents shaped like an account's ({@code _id} {@code <timebank>|<account>},
 * {@code rev}, a few fields) under the {@code {_id, rev}} unique index the projections use, then
 * batches of random ones (2,000 by default) read by one {@code $in} and replaced by one unordered bulk write of
 * {@code {_id, rev}}-conditional replaces: the projections' pattern before their buckets (a document a fact).
 * Reports the JVM's CPU per write (the client is in the same JVM, the same for every store), which
 * the machine's load does not hide as it hides wall time.
 *
 * <p>{@code java … StoreWriteBenchmark [N=100000] [writes=40000] [durable-h2|durable-h2-keymemo|h2] [batch=2000]},
 * classpath as in {@code scripts/bench-review-service.sh}.
 */
public final class StoreWriteBenchmark {


    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        String backend = args.length > 2 ? args[2] : "durable-h2";
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        String uri = ReviewBenchmark.mongo(backend, null, "store_bench_" + System.nanoTime() % 100_000);
        // a loaded machine answers slowly: no timeout on a socket or a heartbeat
        try (MongoClient client = MongoClients.create(uri + "?connectTimeoutMS=600000&socketTimeoutMS=0"
                + "&serverSelectionTimeoutMS=600000&heartbeatFrequencyMS=600000")) {
            MongoCollection<Document> accounts = client.getDatabase(uri.substring(uri.lastIndexOf('/') + 1))
                    .getCollection("accounts");
            accounts.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
            long cpu = cpu();
            long wall = System.nanoTime();
            for (int from = 0; from < documents; from += batch) {
                List<WriteModel<Document>> inserts = new ArrayList<>();
                for (int i = from; i < Math.min(documents, from + batch); i++) {
                    inserts.add(new InsertOneModel<>(account(i, 1)));
                }
                accounts.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
            }
            report("inserted", documents, cpu, wall, backend);
            Random random = new Random(3);
            cpu = cpu();
            wall = System.nanoTime();
            for (int done = 0; done < writes; done += batch) {
                Set<String> ids = new LinkedHashSet<>();
                while (ids.size() < batch) {
                    ids.add(id(random.nextInt(documents)));
                }
                Map<String, Long> revs = new HashMap<>();
                for (Document d : accounts.find(Filters.in("_id", ids))) {
                    revs.put(d.getString("_id"), ((Number) d.get("rev")).longValue());
                }
                List<WriteModel<Document>> replaces = new ArrayList<>();
                for (String id : ids) {
                    long rev = revs.get(id);
                    int n = Integer.parseInt(id.substring(id.indexOf("|m") + 2));
                    replaces.add(new ReplaceOneModel<>(new Document("_id", id).append("rev", rev), account(n, rev + 1)));
                }
                accounts.bulkWrite(replaces, new BulkWriteOptions().ordered(false));
            }
            report("read ($in) and replaced conditionally, " + batch + " a batch,", writes, cpu, wall, backend);
        }
        System.exit(0);
    }

    private static String id(int n) {
        return "bench-tb|m" + n;
    }

    private static Document account(int n, long rev) {
        return new Document("_id", id(n)).append("rev", rev).append("timebankId", "bench-tb").append("accountId", "m" + n)
                .append("sequence", rev * 1_000 + n).append("balance", (long) n % 600).append("warning", null);
    }

    private static void report(String what, int count, long cpuBefore, long wallBefore, String backend) {
        double cpu = (cpu() - cpuBefore) / 1e9;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        System.out.printf("%s: %,d documents %s in %.1f s wall, %.1f s CPU: %.0f µs of CPU a document [load %s]%n",
                backend, count, what, wall, cpu, cpu * 1e6 / count, load());
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
