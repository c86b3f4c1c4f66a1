package org.reciprocity.bench.coordinator;

import static org.reciprocity.bench.Measure.pct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * The database reads behind matching's queue, timed on their own over the wire (the same filters
 * and projections the service sends), to pin a slow queue on a read: mongo-java-server has no
 * secondary indexes (it says so at start: "adding secondary index ... is not yet implemented"), so
 * every query that is not by {@code _id} reads the whole collection, every timebank's documents.
 */
final class StoreProbe {

    record Read(String what, long documents, long bytes, double p50, double p95) {
    }

    private StoreProbe() {
    }

    static List<Read> matchingQueueReads(String mongoUri, String timebank, int times) {
        List<Read> reads = new ArrayList<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(mongoUri.replaceAll(".*/([^/?]+).*", "$1"));
            Map<String, Supplier<List<RawBsonDocument>>> queries = new LinkedHashMap<>();
            queries.put("plans: drafts of the timebank, whole (what the queue reads to count proposals)", () -> db
                    .getCollection("plans", RawBsonDocument.class)
                    .find(Filters.and(Filters.eq("timebankId", timebank), Filters.eq("status", "DRAFT")))
                    .into(new ArrayList<>()));
            queries.put("plans: the same drafts without their proposals", () -> db.getCollection("plans", RawBsonDocument.class)
                    .find(Filters.and(Filters.eq("timebankId", timebank), Filters.eq("status", "DRAFT")))
                    .projection(Projections.exclude("proposals")).into(new ArrayList<>()));
            queries.put("matches: needs with an agreed or completed match (needListingId only)", () -> db
                    .getCollection("matches", RawBsonDocument.class)
                    .find(Filters.and(Filters.eq("timebankId", timebank), Filters.in("status", "AGREED", "COMPLETED")))
                    .projection(Projections.include("needListingId")).into(new ArrayList<>()));
            queries.put("listings: one by _id (for comparison: an indexed read)", () -> {
                Document any = db.getCollection("listings").find().projection(Projections.include("_id")).first();
                return db.getCollection("listings", RawBsonDocument.class).find(Filters.eq("_id", any.get("_id")))
                        .into(new ArrayList<>());
            });
            queries.put("listings: one by a field that is not _id (a scan)", () -> db.getCollection("listings", RawBsonDocument.class)
                    .find(Filters.eq("title", "no such title")).into(new ArrayList<>()));
            time(queries, times, reads);
            sizes(db, List.of("plans", "matches", "listings", "profiles"), reads);
        }
        return reads;
    }

    /** The ledger's queue reads (the coordinator queue of issue 16, branch s7-queue), with the same filters. */
    static List<Read> ledgerQueueReads(String mongoUri, String timebank, int times) {
        List<Read> reads = new ArrayList<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(mongoUri.replaceAll(".*/([^/?]+).*", "$1"));
            Map<String, Supplier<List<RawBsonDocument>>> queries = new LinkedHashMap<>();
            queries.put("contributions: the timebank's disputed ones and those still unconfirmed after a reminder", () -> db
                    .getCollection("contributions", RawBsonDocument.class)
                    .find(Filters.and(Filters.eq("contribution.timebankId", timebank), Filters.or(
                            Filters.eq("state", "DISPUTED"),
                            Filters.and(Filters.eq("state", "LOGGED"), Filters.gt("contribution.remindersSent", 0)))))
                    .projection(Projections.include("contribution")).into(new ArrayList<>()));
            queries.put("accounts: the timebank's members near a limit (balance only)", () -> db
                    .getCollection("accounts", RawBsonDocument.class)
                    .find(Filters.and(Filters.eq("timebankId", timebank), Filters.eq("kind", "MEMBER"),
                            Filters.or(Filters.lte("balance", -600), Filters.gte("balance", 600))))
                    .projection(Projections.include("balance")).into(new ArrayList<>()));
            time(queries, times, reads);
            sizes(db, List.of("contributions", "accounts", "members"), reads);
        }
        return reads;
    }

    /** The timebank's members as the ledger keeps them (read only): for adding to a timebank kept from an earlier run. */
    static List<String> memberIds(String mongoUri, String timebank) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(mongoUri.replaceAll(".*/([^/?]+).*", "$1"));
            List<String> ids = new ArrayList<>();
            db.getCollection("members").find(Filters.eq("timebankId", timebank)).projection(Projections.include("_id"))
                    .forEach(d -> ids.add(String.valueOf(d.get("_id"))));
            ids.sort(null);
            return ids;
        }
    }

    private static void time(Map<String, Supplier<List<RawBsonDocument>>> queries, int times, List<Read> reads) {
        for (Map.Entry<String, Supplier<List<RawBsonDocument>>> query : queries.entrySet()) {
            long[] nanos = new long[times];
            List<RawBsonDocument> found = List.of();
            for (int i = 0; i < times; i++) {
                long began = System.nanoTime();
                found = query.getValue().get();
                nanos[i] = System.nanoTime() - began;
            }
            long bytes = found.stream().mapToLong(d -> d.getByteBuffer().remaining()).sum();
            reads.add(new Read(query.getKey(), found.size(), bytes, pct(nanos, 50), pct(nanos, 95)));
        }
    }

    /** Each collection whole: how many documents a scan of it reads, and their bytes. */
    private static void sizes(MongoDatabase db, List<String> collections, List<Read> reads) {
        for (String collection : collections) {
            long began = System.nanoTime();
            List<RawBsonDocument> all = db.getCollection(collection, RawBsonDocument.class).find().into(new ArrayList<>());
            double millis = (System.nanoTime() - began) / 1e6;
            reads.add(new Read("collection " + collection + ": every document", all.size(),
                    all.stream().mapToLong(d -> d.getByteBuffer().remaining()).sum(), millis, Double.NaN));
        }
    }

    static void print(List<Read> reads) {
        System.out.println("| read | documents | bytes | p50 ms | p95 ms |");
        System.out.println("|---|---|---|---|---|");
        for (Read r : reads) {
            System.out.printf("| %s | %,d | %,d | %.1f | %.1f |%n", r.what(), r.documents(), r.bytes(), r.p50(), r.p95());
        }
    }
}
