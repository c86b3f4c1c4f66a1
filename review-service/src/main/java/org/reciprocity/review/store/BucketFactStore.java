package org.reciprocity.review.store;

import static com.mongodb.client.model.Filters.in;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.reciprocity.review.facts.Fact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.Parts;

/**
 * Facts packed into bucket documents, and folded behind a write-back cache.
 *
 * <p><b>Why buckets.</b> A projection of a large timebank holds millions of facts (a ledger entry, a
 * contribution, an account's month). Written one document a fact, the embedded store's cost is per
 * document (each write searches its unique indexes, comparing keys by serialising them), about a
 * millisecond of CPU an event: a rebuild of two million transfers took hours. Here a fact lives in
 * the bucket {@code <prefix>#<nnn>}, where the prefix is its id up to the {@code level}-th separator
 * (the timebank, or the timebank and month) and {@code nnn} a hash of its id: a few hundred documents
 * a timebank, each holding its facts as one BSON binary (the store copies bytes, it does not walk a
 * tree). Reads are still by {@code _id}: a fact's bucket is known from its id, a range of ids is a
 * range of buckets.
 *
 * <p><b>Why a write-back cache.</b> {@link #mergeAll} merges into buckets held in memory (read once
 * from the store) and writes nothing; {@link #flush} writes every changed bucket, one conditional
 * replace a bucket (its {@code rev}), and empties the cache. The fold flushes when it has caught up with
 * the topics or holds enough (see {@code EventIntake}), and acknowledges the topics' offsets only after
 * a flush: a crash loses unflushed merges and the topics give them again. Merging is idempotent and
 * order-free ({@link Fact}), so a redelivered stretch, or another instance's write to the same bucket
 * between our read and our write (the replace finds another {@code rev}: read it again, merge ours in,
 * write again), changes no figure.
 *
 * <p>Reads see the store and the cache merged, under a read lock that a flush excludes, so the fold's
 * own reads (a reversal finding the entry it reverses) never miss a fact between the two.
 */
final class BucketFactStore<F extends Fact<F>> implements FactStore<F> {

    static final String REV = "rev";
    static final String FACTS = "facts";
    static final String COUNT = "count";
    static final String WRITER = "writer";
    /** What the collection of a store's bucket revisions is named after its own. */
    static final String REVISIONS = "_revisions";
    private static final char SEPARATOR = '|';
    /**
     * Buckets in one {@code $in} or bulk write, and in one reply: each may be a few megabytes, and the
     * embedded store does not cut a reply at the 48 MB a message may hold (a reply of 64 buckets, 117 MB,
     * was refused by the driver at the benchmark's size).
     */
    private static final int CHUNK = 16;
    private static final int BATCH = 4;
    private static final DocumentCodec DOCUMENTS = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private final Supplier<MongoCollection<Document>> collection;
    private final Supplier<MongoCollection<Document>> revisions;
    private final FactCodec<F> codec;
    private final int level;
    private final int buckets;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Buckets read for the fold since the last flush, by bucket id; guarded by {@link #lock}. */
    private final TreeMap<String, Bucket<F>> cache = new TreeMap<>();
    private long cachedFacts;
    private final ConcurrentHashMap<String, AtomicLong> changes = new ConcurrentHashMap<>();
    /** Versions of buckets holding merges not yet written: new at each read, so no reader holds one. */
    private final AtomicLong unwritten = new AtomicLong();
    /** The latest {@code rev} of each bucket this instance has read or written: {@link #parts} without asking the store. */
    private final ConcurrentSkipListMap<String, Long> revs = new ConcurrentSkipListMap<>();
    /** When {@link #parts} last asked the store for a prefix's revisions (another instance's writes are seen then). */
    private final ConcurrentHashMap<String, Long> probed = new ConcurrentHashMap<>();
    private final Duration probeEvery;
    /**
     * What this instance's recent writes changed, by bucket and the {@code rev} each wrote: a reader holding
     * an earlier {@code rev} of the bucket is given those facts, not the whole bucket again (a bucket of a
     * large timebank is megabytes; a live change touches a few facts). Guarded by {@link #lock}'s write lock.
     */
    private final Map<String, TreeMap<Long, List<F>>> journal = new HashMap<>();
    /** The journal's writes, oldest first (bucket, rev): the oldest go first when it holds too many facts. */
    private final java.util.ArrayDeque<Map.Entry<String, Long>> journalOrder = new java.util.ArrayDeque<>();
    private long journalled;
    /**
     * Facts the journal holds at most, a store: a live change writes a few, and the platform gives the
     * service a small heap (a fact of an account's months can hold hundreds of entries).
     */
    private static final int JOURNAL = 20_000;
    /** A write changing more facts of a bucket than this (a backlog's) is not journalled: the bucket is read whole. */
    private static final int JOURNAL_WRITE = 500;
    /** Writes of a bucket a reader may be behind and still be given only what changed. */
    private static final int JOURNAL_DEPTH = 32;

    /**
     * @param level   how many separators of a fact's id its bucket's prefix keeps: 1 for
     *                {@code <timebank>|…}, 2 for {@code <timebank>|<month>|…} (a month is then read from its own buckets)
     * @param buckets buckets a prefix is spread over: enough that one stays far below the 16 MB a document may hold
     */
    BucketFactStore(Supplier<MongoCollection<Document>> collection, Supplier<MongoCollection<Document>> revisions,
                    FactCodec<F> codec, int level, int buckets) {
        this(collection, revisions, codec, level, buckets, Duration.ofSeconds(2));
    }

    /** @param probeEvery how long {@link #parts} trusts the revisions it knows before asking the store again */
    BucketFactStore(Supplier<MongoCollection<Document>> collection, Supplier<MongoCollection<Document>> revisions,
                    FactCodec<F> codec, int level, int buckets, Duration probeEvery) {
        this.collection = collection;
        this.revisions = revisions;
        this.codec = codec;
        this.level = level;
        this.buckets = buckets;
        this.probeEvery = probeEvery;
    }

    private static final class Bucket<F> {
        final String id;
        /** 0 when the store has no such document yet. */
        long rev;
        final TreeMap<String, F> facts;
        /**
         * What this instance merged into the bucket since it was read: all that a write after a lost race
         * merges into the bucket read again. Never the whole cached bucket: another instance may have
         * forgotten an erased member's facts meanwhile, and the cached copy still holds them. {@code null}
         * for a bucket the store did not have when it was read: then all its facts are this instance's
         * merges, and holding them twice would double the memory a rebuild's backlog takes.
         */
        final TreeMap<String, F> merged;
        boolean dirty;
        /** Whether a flush forgot erased members in it: then a write changes more than {@link #own}. */
        boolean forgot;

        Bucket(String id, long rev, TreeMap<String, F> facts) {
            this.id = id;
            this.rev = rev;
            this.facts = facts;
            this.merged = rev == 0 ? null : new TreeMap<>();
        }

        /** What this instance merged into the bucket since it was read. */
        TreeMap<String, F> own() {
            return merged == null ? facts : merged;
        }
    }

    /** The id up to and including its {@code level}-th separator (the whole id if it has fewer). */
    String prefixOf(String id) {
        int at = -1;
        for (int i = 0; i < level; i++) {
            at = id.indexOf(SEPARATOR, at + 1);
            if (at < 0) {
                return id;
            }
        }
        return id.substring(0, at + 1);
    }

    String bucketOf(String factId) {
        int n = Math.floorMod(factId.hashCode(), buckets);
        return prefixOf(factId) + '#' + (n < 10 ? "00" : n < 100 ? "0" : "") + n;
    }

    @Override
    public void merge(F fact) {
        mergeAll(List.of(fact));
    }

    /** Merges into the cached buckets (reading the missing ones in one go); writes nothing until {@link #flush}. */
    @Override
    public List<F> mergeAll(Collection<F> facts) {
        Map<String, F> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.merge(f.id(), f, Fact::merge));
        lock.writeLock().lock();
        try {
            // each fact's bucket once: ids are built by concatenation, and a backlog merges millions
            Map<String, String> bucketOf = new LinkedHashMap<>();
            Set<String> missing = new LinkedHashSet<>();
            for (String id : byId.keySet()) {
                String bucket = bucketOf(id);
                bucketOf.put(id, bucket);
                if (!cache.containsKey(bucket)) {
                    missing.add(bucket);
                }
            }
            for (Bucket<F> loaded : load(new ArrayList<>(missing)).values()) {
                cache.put(loaded.id, loaded);
                cachedFacts += loaded.facts.size();
            }
            for (String bucket : missing) {
                cache.computeIfAbsent(bucket, b -> new Bucket<>(b, 0, new TreeMap<>()));
            }
            List<F> result = new ArrayList<>(byId.size());
            for (Map.Entry<String, F> entry : byId.entrySet()) {
                String id = entry.getKey();
                F fact = entry.getValue();
                Bucket<F> bucket = cache.get(bucketOf.get(id));
                F before = bucket.facts.get(id);
                F after = before == null ? fact : before.merge(fact);
                if (!after.equals(before)) {
                    bucket.facts.put(id, after);
                    if (bucket.merged != null) {
                        bucket.merged.merge(id, fact, Fact::merge);
                    }
                    bucket.dirty = true;
                    if (before == null) {
                        cachedFacts++;
                    }
                }
                result.add(after);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Facts held in the cache (read or merged since the last flush): what the fold weighs before flushing. */
    @Override
    public long cached() {
        lock.readLock().lock();
        try {
            return cachedFacts;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Forgets in every changed bucket the members {@code erasedIn} says are erased in its timebank, then
     * writes every changed bucket, one conditional write each (insert, or replace at the {@code rev} read),
     * all in one unordered bulk write; a bucket that another writer changed meanwhile is read again, merged
     * with ours and written again. Then the cache is emptied.
     */
    @Override
    public void flush(Function<String, Predicate<String>> erasedIn) {
        lock.writeLock().lock();
        try {
            List<Bucket<F>> dirty = cache.values().stream().filter(b -> b.dirty).toList();
            // merges held back while a member was erased (here or by another instance) must not bring them back
            for (Bucket<F> b : dirty) {
                Predicate<String> erased = erasedIn.apply(Keys.timebankOf(b.id));
                b.forgot = forgetHeld(b.facts, erased);
                if (b.merged != null) {
                    forgetHeld(b.merged, erased);
                }
            }
            for (int from = 0; from < dirty.size(); from += CHUNK) {
                write(dirty.subList(from, Math.min(dirty.size(), from + CHUNK)));
            }
            cache.clear();
            cachedFacts = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static <F extends Fact<F>> boolean forgetHeld(TreeMap<String, F> facts, Predicate<String> erased) {
        boolean forgot = false;
        for (var i = facts.entrySet().iterator(); i.hasNext(); ) {
            var entry = i.next();
            F kept = entry.getValue().forget(erased);
            if (kept == null) {
                i.remove();
                forgot = true;
            } else if (kept != entry.getValue() && !kept.equals(entry.getValue())) {
                entry.setValue(kept);
                forgot = true;
            }
        }
        return forgot;
    }

    private void write(List<Bucket<F>> dirty) {
        MongoCollection<Document> documents = collection.get();
        String writer = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>(dirty.size());
        for (Bucket<F> b : dirty) {
            Document document = document(b, writer);
            writes.add(b.rev == 0 ? new InsertOneModel<>(document)
                    : new ReplaceOneModel<>(revision(b.id, b.rev), document));
        }
        List<WriteModel<Document>> intents = new ArrayList<>(dirty.size());
        for (Bucket<F> b : dirty) {
            intents.add(intent(b.id, b.rev + 1));
        }
        revisions.get().bulkWrite(intents, new BulkWriteOptions().ordered(false));
        boolean shortfall;
        Set<String> lost = new java.util.HashSet<>();
        try {
            BulkWriteResult outcome = documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            shortfall = outcome.getInsertedCount() + outcome.getMatchedCount() < writes.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            shortfall = true;
        }
        if (shortfall) {
            // which writes lost a race is not told: a bucket that does not carry this flush's mark lost
            Map<String, String> marks = new HashMap<>();
            for (Document d : documents.find(in("_id", dirty.stream().map(b -> b.id).toList()))
                    .projection(new Document(WRITER, 1))) {
                marks.put(d.getString("_id"), d.getString(WRITER));
            }
            for (Bucket<F> b : dirty) {
                if (!writer.equals(marks.get(b.id))) {
                    lost.add(b.id);
                    writeAgain(b);
                }
            }
        }
        for (Bucket<F> b : dirty) {
            if (!lost.contains(b.id)) {
                wrote(documents, b.id, b.rev + 1, b.rev == 0 || b.forgot ? null : b.own().keySet(), b.facts);
            }
            changed(b.id);
        }
    }

    /**
     * Notes this instance's write of a bucket at {@code rev}: the facts it changed ({@code ids}, their
     * values in {@code facts}), or {@code null} when that is not known (a new bucket, one written after
     * another writer's change, or with erased members forgotten), and then no reader is given a part of it.
     */
    private void wrote(MongoCollection<Document> documents, String bucketId, long rev, Set<String> ids,
                       Map<String, F> facts) {
        String key = ns(documents) + bucketId;
        revs.merge(key, rev, Math::max);
        TreeMap<Long, List<F>> writes = journal.get(key);
        if (ids == null || ids.size() > JOURNAL_WRITE) {
            if (writes != null) {
                journalled -= writes.values().stream().mapToLong(List::size).sum();
                journal.remove(key);
            }
            return;
        }
        List<F> changed = new ArrayList<>(ids.size());
        for (String id : ids) {
            F fact = facts.get(id);
            if (fact != null) {
                changed.add(fact);
            }
        }
        writes = journal.computeIfAbsent(key, b -> new TreeMap<>());
        List<F> replaced = writes.put(rev, changed);
        journalled += changed.size() - (replaced == null ? 0 : replaced.size());
        journalOrder.addLast(Map.entry(key, rev));
        while (writes.size() > JOURNAL_DEPTH) {
            journalled -= writes.pollFirstEntry().getValue().size();
        }
        while (journalled > JOURNAL && !journalOrder.isEmpty()) {
            Map.Entry<String, Long> oldest = journalOrder.pollFirst();
            TreeMap<Long, List<F>> of = journal.get(oldest.getKey());
            List<F> dropped = of == null ? null : of.remove(oldest.getValue());
            if (dropped != null) {
                journalled -= dropped.size();
                if (of.isEmpty()) {
                    journal.remove(oldest.getKey());
                }
            }
        }
        if (journalOrder.size() > 4 * JOURNAL) { // entries of writes already dropped another way
            journalOrder.removeIf(e -> !journal.containsKey(e.getKey()) || !journal.get(e.getKey()).containsKey(e.getValue()));
        }
    }

    /** The facts this instance's writes changed in a bucket from {@code held} to {@code now}, or {@code null} if not all are known. */
    private List<F> changedSince(String key, Long held, long now) {
        TreeMap<Long, List<F>> writes = journal.get(key);
        if (writes == null || held == null || held <= 0 || now - held > JOURNAL_DEPTH) {
            return null;
        }
        Map<String, F> changed = new LinkedHashMap<>();
        for (long rev = held + 1; rev <= now; rev++) {
            List<F> facts = writes.get(rev);
            if (facts == null) {
                return null;
            }
            facts.forEach(f -> changed.put(f.id(), f));
        }
        return new ArrayList<>(changed.values());
    }

    /** One bucket, written until no other writer comes between our read and our write. */
    private void writeAgain(Bucket<F> ours) {
        MongoCollection<Document> documents = collection.get();
        while (true) {
            Bucket<F> stored = load(List.of(ours.id)).get(ours.id);
            TreeMap<String, F> merged = new TreeMap<>();
            if (stored != null) {
                merged.putAll(stored.facts);
            }
            ours.own().forEach((id, f) -> merged.merge(id, f, Fact::merge));
            Bucket<F> next = new Bucket<>(ours.id, stored == null ? 0 : stored.rev, merged);
            Document document = document(next, UUID.randomUUID().toString());
            revisions.get().bulkWrite(List.of(intent(next.id, next.rev + 1)));
            try {
                if (next.rev == 0) {
                    documents.insertOne(document);
                    wrote(documents, next.id, 1, null, null);
                    return;
                }
                if (documents.replaceOne(revision(next.id, next.rev), document).getMatchedCount() == 1) {
                    wrote(documents, next.id, next.rev + 1, null, null);
                    return;
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private Document document(Bucket<F> b, String writer) {
        List<Document> facts = new ArrayList<>(b.facts.size());
        b.facts.values().forEach(f -> facts.add(codec.write(f)));
        RawBsonDocument raw = new RawBsonDocument(new Document(FACTS, facts), DOCUMENTS);
        ByteBuffer bytes = raw.getByteBuffer().asNIO();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new Document("_id", b.id).append(REV, b.rev + 1).append(COUNT, b.facts.size())
                .append(WRITER, writer).append(FACTS, new Binary(copy));
    }

    private Bucket<F> bucket(Document stored) {
        byte[] bytes = stored.get(FACTS, Binary.class).getData();
        Document decoded = DOCUMENTS.decode(new BsonBinaryReader(ByteBuffer.wrap(bytes)), DecoderContext.builder().build());
        TreeMap<String, F> facts = new TreeMap<>();
        for (Document d : decoded.getList(FACTS, Document.class)) {
            F fact = codec.read(d);
            facts.put(fact.id(), fact);
        }
        return new Bucket<>(stored.getString("_id"), ((Number) stored.get(REV)).longValue(), facts);
    }

    private Map<String, Bucket<F>> load(List<String> bucketIds) {
        Map<String, Bucket<F>> loaded = new HashMap<>();
        for (int from = 0; from < bucketIds.size(); from += CHUNK) {
            MongoCollection<Document> documents = collection.get();
            for (Document d : documents.find(in("_id", bucketIds.subList(from, Math.min(bucketIds.size(), from + CHUNK))))
                    .batchSize(BATCH)) {
                Bucket<F> b = bucket(d);
                loaded.put(b.id, b);
                revs.merge(ns(documents) + b.id, b.rev, Math::max);
            }
        }
        return loaded;
    }

    /**
     * A bucket's revision raised to {@code rev} in the revisions' collection, before the bucket is written:
     * what {@link #parts} asks instead of the buckets (megabytes each) to know which changed. Written
     * first, it is never behind the bucket; a write that then fails or loses leaves it ahead, and a
     * reader reads that bucket again at each look until the bucket is written past it: work, not a
     * figure missed.
     */
    private static WriteModel<Document> intent(String bucketId, long rev) {
        return new com.mongodb.client.model.UpdateOneModel<>(new Document("_id", bucketId),
                new Document("$max", new Document(REV, rev)), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /**
     * A bucket's id under its collection's name: what the revisions known and the journal are kept under,
     * and a part's id (a rebuild's generation is another collection, so other parts).
     */
    String part(String bucketId) {
        return ns(collection.get()) + bucketId;
    }

    private static String ns(MongoCollection<Document> documents) {
        return documents.getNamespace().getCollectionName() + '/';
    }

    private static Document revision(String id, long rev) {
        return new Document("_id", id).append(REV, rev);
    }

    private void changed(String bucketId) {
        changes.computeIfAbsent(Keys.timebankOf(bucketId), t -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long changes(String timebankId) {
        AtomicLong count = changes.get(timebankId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Optional<F> find(String id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    @Override
    public List<F> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            List<String> bucketIds = ids.stream().map(this::bucketOf).distinct().toList();
            Map<String, Bucket<F>> stored = load(bucketIds);
            List<F> found = new ArrayList<>();
            for (String id : ids) {
                String bucket = bucketOf(id);
                F fact = union(stored.get(bucket), cache.get(bucket), id);
                if (fact != null) {
                    found.add(fact);
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What is stored, with what this instance merged since it read the bucket (not its older copy of the rest). */
    private static <F extends Fact<F>> F union(Bucket<F> stored, Bucket<F> cached, String id) {
        F a = stored == null ? null : stored.facts.get(id);
        F b = cached == null ? null : cached.own().get(id);
        return a == null ? b : b == null ? a : a.merge(b);
    }

    @Override
    public List<F> withPrefix(String prefix) {
        return range(prefix, prefix + Keys.END);
    }

    /** The buckets whose prefixes the range overlaps, read as one {@code _id} range, their facts filtered to it. */
    @Override
    public List<F> range(String fromInclusive, String toExclusive) {
        String first = prefixOf(fromInclusive);
        String toPrefix = prefixOf(toExclusive);
        String last = toPrefix.equals(toExclusive) ? toExclusive : toPrefix + Keys.END;
        lock.readLock().lock();
        try {
            TreeMap<String, F> facts = new TreeMap<>();
            for (Document d : collection.get().find(new Document("_id", new Document("$gte", first).append("$lt", last)))
                    .batchSize(BATCH)) {
                bucket(d).facts.subMap(fromInclusive, true, toExclusive, false).forEach(facts::put);
            }
            for (Bucket<F> cached : cache.subMap(first, true, last, false).values()) {
                cached.own().subMap(fromInclusive, true, toExclusive, false)
                        .forEach((id, f) -> facts.merge(id, f, Fact::merge));
            }
            return new ArrayList<>(facts.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The prefix's buckets as parts (a part's id is the bucket's, under its collection's name: a
     * rebuild's generation gives other parts), a bucket's version its {@code rev}. The revisions are the
     * ones this instance knows (it read or wrote them) and, at most every {@code probeEvery}, the ones
     * the revisions' collection holds (another instance's writes; see {@link #intent}). A bucket whose
     * revision moved is given as the facts this instance's writes changed since the reader's revision
     * when it knows them all, else read whole. A first read (nothing held) is one range query. A bucket
     * holding merges this instance has not written yet is read whole with them, at a version no reader
     * holds.
     */
    @Override
    public Parts<F> parts(String prefix, Map<String, Long> held) {
        if (!prefix.endsWith(String.valueOf(SEPARATOR)) || prefix.chars().filter(c -> c == SEPARATOR).count() > level) {
            // a longer prefix would cut across buckets: its facts are spread over all of them
            throw new IllegalArgumentException("parts of a bucket prefix only: " + prefix);
        }
        String last = prefix + Keys.END;
        String ns = part("");
        lock.readLock().lock();
        try {
            Map<String, Long> versions = new HashMap<>();
            Map<String, List<F>> read = new HashMap<>();
            Map<String, List<F>> changed = new HashMap<>();
            long now = System.nanoTime();
            Long probedAt = probed.get(ns + prefix);
            if (held.isEmpty()) {
                for (Document d : collection.get().find(new Document("_id", new Document("$gte", prefix).append("$lt", last)))
                        .batchSize(BATCH)) {
                    Bucket<F> b = bucket(d);
                    revs.merge(ns + b.id, b.rev, Math::max);
                    versions.put(ns + b.id, b.rev);
                    read.put(ns + b.id, unionOf(b, cache.get(b.id), prefix, last));
                }
                probed.put(ns + prefix, now);
            } else {
                if (probedAt == null || now - probedAt >= probeEvery.toNanos()) {
                    for (Document d : revisions.get().find(new Document("_id", new Document("$gte", prefix).append("$lt", last)))) {
                        revs.merge(ns + d.getString("_id"), ((Number) d.get(REV)).longValue(), Math::max);
                    }
                    probed.put(ns + prefix, now);
                }
                List<String> stale = new ArrayList<>();
                for (Map.Entry<String, Long> known : revs.subMap(ns + prefix, true, ns + last, false).entrySet()) {
                    String part = known.getKey();
                    String id = part.substring(ns.length());
                    long rev = known.getValue();
                    versions.put(part, rev);
                    Bucket<F> cached = cache.get(id);
                    if (cached != null && !cached.own().isEmpty()) {
                        stale.add(id);
                    } else if (!Long.valueOf(rev).equals(held.get(part))) {
                        List<F> since = changedSince(part, held.get(part), rev);
                        if (since == null) {
                            stale.add(id);
                        } else {
                            changed.put(part, filtered(since, prefix, last));
                        }
                    }
                }
                Map<String, Bucket<F>> stored = load(stale);
                for (String id : stale) {
                    Bucket<F> b = stored.get(id);
                    if (b != null) {
                        versions.put(ns + id, b.rev); // the revision known may be ahead of the bucket (an intent)
                    }
                    read.put(ns + id, unionOf(b, cache.get(id), prefix, last));
                }
            }
            for (Bucket<F> cached : cache.subMap(prefix, true, last, false).values()) {
                if (!cached.own().isEmpty()) {
                    read.computeIfAbsent(ns + cached.id, id -> unionOf(null, cached, prefix, last)); // not in the store yet
                    versions.put(ns + cached.id, -unwritten.incrementAndGet());
                }
            }
            return new Parts<>(versions, read, changed);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<F> filtered(List<F> facts, String from, String to) {
        List<F> kept = new ArrayList<>(facts.size());
        for (F f : facts) {
            if (f.id().compareTo(from) >= 0 && f.id().compareTo(to) < 0) {
                kept.add(f);
            }
        }
        return kept;
    }

    private List<F> unionOf(Bucket<F> stored, Bucket<F> cached, String from, String to) {
        TreeMap<String, F> facts = new TreeMap<>();
        if (stored != null) {
            facts.putAll(stored.facts.subMap(from, true, to, false));
        }
        if (cached != null) {
            cached.own().subMap(from, true, to, false).forEach((id, f) -> facts.merge(id, f, Fact::merge));
        }
        return new ArrayList<>(facts.values());
    }

    /**
     * Flushes, then applies {@link Fact#forget} to every bucket of the timebank: an erased member's own
     * facts go, the others' are rewritten without their id; each bucket one conditional write, read again
     * and forgotten again if another writer changed it meanwhile. Repeatable: a second run writes nothing.
     */
    @Override
    public void forget(String timebankId, Predicate<String> erased) {
        lock.writeLock().lock();
        try {
            flush(tb -> tb.equals(timebankId) ? erased : id -> false);
            String from = Keys.timebank(timebankId);
            List<String> ids = new ArrayList<>();
            for (Document d : collection.get().find(new Document("_id", new Document("$gte", from).append("$lt", from + Keys.END)))
                    .projection(new Document("_id", 1))) {
                ids.add(d.getString("_id"));
            }
            for (String id : ids) {
                forgetIn(id, erased);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void forgetIn(String bucketId, Predicate<String> erased) {
        MongoCollection<Document> documents = collection.get();
        while (true) {
            Bucket<F> stored = load(List.of(bucketId)).get(bucketId);
            if (stored == null) {
                return;
            }
            TreeMap<String, F> kept = new TreeMap<>();
            boolean changedAny = false;
            for (F fact : stored.facts.values()) {
                F after = fact.forget(erased);
                if (after == null) {
                    changedAny = true;
                } else {
                    changedAny |= !after.equals(fact);
                    kept.put(after.id(), after);
                }
            }
            if (!changedAny) {
                return;
            }
            Document replacement = document(new Bucket<>(bucketId, stored.rev, kept), UUID.randomUUID().toString());
            revisions.get().bulkWrite(List.of(intent(bucketId, stored.rev + 1)));
            if (documents.replaceOne(revision(bucketId, stored.rev), replacement).getMatchedCount() == 1) {
                wrote(documents, bucketId, stored.rev + 1, null, null);
                changed(bucketId);
                return;
            }
        }
    }
}
