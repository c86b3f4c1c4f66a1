package org.reciprocity.review.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.reciprocity.review.facts.Fact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;

/**
 * Facts in a MongoDB collection, read by {@code _id} only. A merge reads the document, merges, and
 * replaces it only if nobody changed it meanwhile (its {@code rev}, under a unique index on
 * {@code {_id, rev}} so the embedded store finds it without a scan): one conditional single-document
 * write, retried on a race, so two consumers folding into one document lose nothing.
 *
 * <p>{@link #mergeAll} does the same for many documents in two round trips: one {@code $in} read and
 * one unordered bulk write of those conditional writes. A write that loses a race (another insert,
 * another {@code rev}) is merged again on its own; merging twice changes nothing, so that is exact.
 */
final class MongoFactStore<F extends Fact<F>> implements FactStore<F> {

    static final String REV = "rev";
    /** Ids in one {@code $in}: the driver's message stays far below its 48 MB limit. */
    private static final int CHUNK = 2_000;
    private final Supplier<MongoCollection<Document>> collection;
    private final FactCodec<F> codec;
    private final boolean writeOnce;
    private final ConcurrentHashMap<String, AtomicLong> changes = new ConcurrentHashMap<>();

    MongoFactStore(Supplier<MongoCollection<Document>> collection, FactCodec<F> codec) {
        this(collection, codec, false);
    }

    /**
     * @param writeOnce the facts never change once stated (their merge keeps either copy: a ledger entry,
     *                  the month it was posted in): each is inserted, and an insert refused as a duplicate
     *                  means the same fact is stored already. No read, no {@code rev}, no {@code {_id, rev}}
     *                  index: on the embedded store every index lookup compares keys by serialising them,
     *                  so these writes cost about half as much (see docs/benchmarks/review.md).
     */
    MongoFactStore(Supplier<MongoCollection<Document>> collection, FactCodec<F> codec, boolean writeOnce) {
        this.collection = collection;
        this.codec = codec;
        this.writeOnce = writeOnce;
    }

    @Override
    public void merge(F fact) {
        if (writeOnce) {
            insertAll(List.of(fact));
            return;
        }
        mergeOne(fact);
    }

    private F mergeOne(F fact) {
        MongoCollection<Document> documents = collection.get();
        String id = fact.id();
        while (true) {
            Document stored = documents.find(eq("_id", id)).first();
            if (stored == null) {
                try {
                    documents.insertOne(codec.write(fact).append("_id", id).append(REV, 1L));
                    changed(id);
                    return fact;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // written meanwhile: merge into it
                }
            }
            F current = codec.read(stored);
            F merged = current.merge(fact);
            if (merged.equals(current)) {
                return current; // a redelivery, or something already known
            }
            long rev = ((Number) stored.get(REV)).longValue();
            if (documents.replaceOne(revision(id, rev), codec.write(merged).append("_id", id)
                    .append(REV, rev + 1)).getMatchedCount() == 1) {
                changed(id);
                return merged;
            }
        }
    }

    @Override
    public List<F> mergeAll(Collection<F> facts) {
        Map<String, F> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.merge(f.id(), f, Fact::merge));
        if (writeOnce) {
            return insertAll(byId.values());
        }
        List<F> result = new ArrayList<>(byId.size());
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            result.addAll(mergeChunk(ids.subList(from, Math.min(ids.size(), from + CHUNK)), byId));
        }
        return result;
    }

    /** Write-once facts: inserted; a duplicate is the same fact already stored (their merge keeps either). */
    private List<F> insertAll(Collection<F> facts) {
        List<F> all = new ArrayList<>(facts);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<F> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<WriteModel<Document>> inserts = new ArrayList<>(chunk.size());
            chunk.forEach(f -> inserts.add(new InsertOneModel<>(codec.write(f).append("_id", f.id()))));
            java.util.Set<Integer> stored = new java.util.HashSet<>();
            try {
                collection.get().bulkWrite(inserts, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    stored.add(error.getIndex());
                }
            }
            // a duplicate changed nothing: counting it would make the figures' cache read everything again
            for (int i = 0; i < chunk.size(); i++) {
                if (!stored.contains(i)) {
                    changed(chunk.get(i).id());
                }
            }
        }
        return all;
    }

    private List<F> mergeChunk(List<String> ids, Map<String, F> byId) {
        MongoCollection<Document> documents = collection.get();
        Map<String, Document> stored = new HashMap<>();
        for (Document d : documents.find(in("_id", ids))) {
            stored.put(d.getString("_id"), d);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> written = new ArrayList<>();
        List<F> result = new ArrayList<>(ids.size());
        for (String id : ids) {
            F fact = byId.get(id);
            Document document = stored.get(id);
            if (document == null) {
                writes.add(new InsertOneModel<>(codec.write(fact).append("_id", id).append(REV, 1L)));
                written.add(id);
                result.add(fact);
                continue;
            }
            F current = codec.read(document);
            F merged = current.merge(fact);
            result.add(merged);
            if (merged.equals(current)) {
                continue;
            }
            long rev = ((Number) document.get(REV)).longValue();
            writes.add(new ReplaceOneModel<>(revision(id, rev),
                    codec.write(merged).append("_id", id).append(REV, rev + 1)));
            written.add(id);
        }
        if (writes.isEmpty()) {
            return result;
        }
        List<Integer> lost = new ArrayList<>();
        BulkWriteResult outcome;
        try {
            outcome = documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(error.getIndex());
            }
            outcome = e.getWriteResult();
        }
        if (outcome.getInsertedCount() + outcome.getMatchedCount() + lost.size() < writes.size()) {
            // some replace found another rev (a race): which one is not told, so merge them all again
            lost.clear();
            for (int i = 0; i < writes.size(); i++) {
                lost.add(i);
            }
        }
        Map<String, F> again = new HashMap<>();
        for (int i : lost) {
            String id = written.get(i);
            again.put(id, mergeOne(byId.get(id)));
        }
        written.forEach(this::changed);
        if (again.isEmpty()) {
            return result;
        }
        List<F> merged = new ArrayList<>(result.size());
        for (F f : result) {
            merged.add(again.getOrDefault(f.id(), f));
        }
        return merged;
    }

    /**
     * The document at one revision, as a plain {@code {_id, rev}} filter: {@code Filters.and} renders
     * {@code $and}, which the embedded store answers by a scan of the whole collection, while these
     * two fields alone are its unique index's.
     */
    private static Document revision(String id, long rev) {
        return new Document("_id", id).append(REV, rev);
    }

    private void changed(String id) {
        changes.computeIfAbsent(Keys.timebankOf(id), t -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long changes(String timebankId) {
        AtomicLong count = changes.get(timebankId);
        return count == null ? 0 : count.get();
    }

    /**
     * Each document of the timebank that names an erased member is deleted (their own) or replaced
     * without them, conditionally on its {@code rev} like a merge; one that changed meanwhile is read
     * and forgotten again. Write-once facts are replaced by {@code _id} (they never change otherwise).
     */
    @Override
    public void forget(String timebankId, java.util.function.Predicate<String> erased) {
        MongoCollection<Document> documents = collection.get();
        String from = Keys.timebank(timebankId);
        // read whole before writing: no cursor open on the documents being replaced
        List<Document> all = documents.find(new Document("_id", new Document("$gte", from).append("$lt", from + Keys.END)))
                .into(new ArrayList<>());
        for (Document stored : all) {
            Document current = stored;
            while (current != null) {
                String id = current.getString("_id");
                F fact = codec.read(current);
                F kept = fact.forget(erased);
                if (kept != null && kept.equals(fact)) {
                    break;
                }
                Document filter = writeOnce || current.get(REV) == null ? new Document("_id", id)
                        : revision(id, ((Number) current.get(REV)).longValue());
                boolean done;
                if (kept == null) {
                    done = documents.deleteOne(filter).getDeletedCount() == 1;
                } else {
                    Document replacement = codec.write(kept).append("_id", id);
                    if (!writeOnce && current.get(REV) != null) {
                        replacement.append(REV, ((Number) current.get(REV)).longValue() + 1);
                    }
                    done = documents.replaceOne(filter, replacement).getMatchedCount() == 1;
                }
                if (done) {
                    changed(id);
                    break;
                }
                current = documents.find(eq("_id", id)).first(); // changed meanwhile (or gone): forget it again
            }
        }
    }

    @Override
    public Optional<F> find(String id) {
        return Optional.ofNullable(collection.get().find(eq("_id", id)).first()).map(codec::read);
    }

    @Override
    public List<F> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(ids);
        List<F> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(read(collection.get().find(in("_id", all.subList(from, Math.min(all.size(), from + CHUNK))))));
        }
        return found;
    }

    @Override
    public List<F> withPrefix(String prefix) {
        return range(prefix, prefix + Keys.END);
    }

    @Override
    public List<F> range(String fromInclusive, String toExclusive) {
        return read(collection.get().find(new Document("_id", new Document("$gte", fromInclusive).append("$lt", toExclusive)))
                .sort(Sorts.ascending("_id")));
    }

    private List<F> read(Iterable<Document> documents) {
        List<F> facts = new ArrayList<>();
        for (Document document : documents) {
            facts.add(codec.read(document));
        }
        return facts;
    }
}
