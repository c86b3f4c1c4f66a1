package org.reciprocity.review.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.reciprocity.review.facts.ReviewFacts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' collections, by generation: {@code g<n>_members}, {@code g<n>_postings}… A
 * rebuild folds the topics from their start into the next generation's fresh collections and
 * then reads from them; the generation in use is kept in {@code review_state}, so a restart reads
 * where the last rebuild left off.
 */
@Component
public class Projections {

    static final String STATE = "review_state";
    private static final String ID = "projections";

    private final MongoTemplate mongo;
    private volatile long generation;
    private final ReviewFacts facts;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    Projections(MongoTemplate mongo) {
        this.mongo = mongo;
        Document state = mongo.getCollection(STATE).find(new Document("_id", ID)).first();
        this.generation = state == null ? 1 : ((Number) state.get("generation")).longValue();
        this.facts = new ReviewFacts(
                new MongoFactStore<>(() -> collection("members"), Codecs.MEMBERS),
                new MongoFactStore<>(() -> collection("postings", false), Codecs.POSTINGS, true),
                new MongoFactStore<>(() -> collection("transfer_months", false), Codecs.TRANSFER_MONTHS, true),
                new MongoFactStore<>(() -> collection("accounts"), Codecs.ACCOUNTS),
                new MongoFactStore<>(() -> collection("contributions"), Codecs.CONTRIBUTIONS),
                new MongoFactStore<>(() -> collection("member_months"), Codecs.MEMBER_MONTHS),
                new MongoFactStore<>(() -> collection("open_contributions"), Codecs.OPEN_CONTRIBUTIONS),
                new MongoFactStore<>(() -> collection("reversals"), Codecs.REVERSALS),
                new MongoFactStore<>(() -> collection("timebanks"), Codecs.TIMEBANKS),
                new MongoErasures(mongo));
    }

    public ReviewFacts facts() {
        return facts;
    }

    /** The collections of the generation in use, and the erasures' (kept across generations). */
    public java.util.List<String> collectionNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        ReviewFacts.COLLECTIONS.forEach(name -> names.add("g" + generation + "_" + name));
        names.add(MongoErasures.MEMBERS);
        names.add(MongoErasures.FIGURES);
        return names;
    }

    public long generation() {
        return generation;
    }

    /**
     * Starts the next generation in fresh collections and drops the one before the current (the
     * current stays until the next rebuild, for comparison). Returns the new generation.
     */
    public synchronized long nextGeneration() {
        long next = generation + 1;
        for (String name : mongo.getCollectionNames()) {
            if (name.startsWith("g" + next + "_") || name.startsWith("g" + (generation - 1) + "_")) {
                mongo.dropCollection(name);
            }
        }
        indexed.removeIf(name -> name.startsWith("g" + next + "_") || name.startsWith("g" + (generation - 1) + "_"));
        mongo.getCollection(STATE).replaceOne(new Document("_id", ID), new Document("_id", ID).append("generation", next),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        generation = next;
        return next;
    }

    private com.mongodb.client.MongoCollection<Document> collection(String name) {
        return collection(name, true);
    }

    /** @param conditional whether its documents are replaced conditionally on their {@code rev} (not write-once ones) */
    private com.mongodb.client.MongoCollection<Document> collection(String name, boolean conditional) {
        String full = "g" + generation + "_" + name;
        com.mongodb.client.MongoCollection<Document> collection = mongo.getCollection(full);
        if (conditional && indexed.add(full)) {
            // a conditional write names {_id, rev}: with this index the embedded store finds it directly, not by a scan
            collection.createIndex(Indexes.ascending("_id", MongoFactStore.REV), new IndexOptions().unique(true));
        }
        return collection;
    }
}
