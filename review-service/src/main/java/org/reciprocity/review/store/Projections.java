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
    /** How the projections' documents are laid out: another layout in the store means folding the topics again. */
    static final String LAYOUT = "buckets-1";
    private static final String ID = "projections";

    private final MongoTemplate mongo;
    private volatile long generation;
    private final ReviewFacts facts;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final boolean rewind;
    private final Set<String> rewound = ConcurrentHashMap.newKeySet();

    Projections(MongoTemplate mongo) {
        this.mongo = mongo;
        Document state = mongo.getCollection(STATE).find(new Document("_id", ID)).first();
        this.generation = state == null ? 1 : ((Number) state.get("generation")).longValue();
        // projections written in an older layout (a document a fact) are not read: a fresh generation is folded
        this.rewind = state != null && !LAYOUT.equals(state.getString("layout"));
        // buckets: a timebank's facts in a few hundred documents (see BucketFactStore); a month's own for
        // what is read a month at a time (postings, account months)
        this.facts = new ReviewFacts(
                new BucketFactStore<>(() -> collection("members"), () -> revisions("members"), Codecs.MEMBERS, 1, 64),
                new BucketFactStore<>(() -> collection("postings"), () -> revisions("postings"), Codecs.POSTINGS, 2, 32),
                new BucketFactStore<>(() -> collection("transfer_months"), () -> revisions("transfer_months"), Codecs.TRANSFER_MONTHS, 1, 256),
                new BucketFactStore<>(() -> collection("accounts"), () -> revisions("accounts"), Codecs.ACCOUNTS, 1, 64),
                new BucketFactStore<>(() -> collection("contributions"), () -> revisions("contributions"), Codecs.CONTRIBUTIONS, 1, 256),
                new BucketFactStore<>(() -> collection("member_months"), () -> revisions("member_months"), Codecs.MEMBER_MONTHS, 2, 32),
                new BucketFactStore<>(() -> collection("open_contributions"), () -> revisions("open_contributions"), Codecs.OPEN_CONTRIBUTIONS, 1, 64),
                new BucketFactStore<>(() -> collection("reversals"), () -> revisions("reversals"), Codecs.REVERSALS, 1, 16),
                new BucketFactStore<>(() -> collection("timebanks"), () -> revisions("timebanks"), Codecs.TIMEBANKS, 1, 1),
                new MongoErasures(mongo));
        if (rewind) {
            nextGeneration();
        } else if (state == null) {
            mongo.getCollection(STATE).updateOne(new Document("_id", ID), new Document("$setOnInsert",
                    new Document("generation", generation).append("layout", LAYOUT)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
    }

    /**
     * Whether the consumer group must read its topics from the start once, because the projections were
     * found in an older layout at start (the first call for a group answers, the later ones do not).
     */
    public boolean rewind(String groupId) {
        return rewind && rewound.add(groupId);
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
        mongo.getCollection(STATE).replaceOne(new Document("_id", ID), new Document("_id", ID).append("generation", next)
                .append("layout", LAYOUT),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        generation = next;
        return next;
    }

    /** Each bucket's latest revision, written before the bucket (see {@code BucketFactStore#parts}): small documents. */
    private com.mongodb.client.MongoCollection<Document> revisions(String name) {
        return mongo.getCollection("g" + generation + "_" + name + BucketFactStore.REVISIONS);
    }

    private com.mongodb.client.MongoCollection<Document> collection(String name) {
        String full = "g" + generation + "_" + name;
        com.mongodb.client.MongoCollection<Document> collection = mongo.getCollection(full);
        if (indexed.add(full)) {
            // a conditional write names {_id, rev}: with this index the embedded store finds it directly, not by a scan
            collection.createIndex(Indexes.ascending("_id", BucketFactStore.REV), new IndexOptions().unique(true));
        }
        return collection;
    }
}
