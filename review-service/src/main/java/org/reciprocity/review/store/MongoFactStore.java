package org.reciprocity.review.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.reciprocity.review.facts.Fact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;

/**
 * Facts in a MongoDB collection, read by {@code _id} only. A merge reads the document, merges, and
 * replaces it only if nobody changed it meanwhile (its {@code rev}): one conditional single-document
 * write, retried on a race, so two consumers folding into one document lose nothing.
 */
final class MongoFactStore<F extends Fact<F>> implements FactStore<F> {

    private static final String REV = "rev";
    private final Supplier<MongoCollection<Document>> collection;
    private final FactCodec<F> codec;

    MongoFactStore(Supplier<MongoCollection<Document>> collection, FactCodec<F> codec) {
        this.collection = collection;
        this.codec = codec;
    }

    @Override
    public void merge(F fact) {
        MongoCollection<Document> documents = collection.get();
        String id = fact.id();
        while (true) {
            Document stored = documents.find(eq("_id", id)).first();
            if (stored == null) {
                try {
                    documents.insertOne(codec.write(fact).append("_id", id).append(REV, 1L));
                    return;
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
                return; // a redelivery, or something already known
            }
            long rev = ((Number) stored.get(REV)).longValue();
            if (documents.replaceOne(and(eq("_id", id), eq(REV, rev)), codec.write(merged).append("_id", id)
                    .append(REV, rev + 1)).getMatchedCount() == 1) {
                return;
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
        return read(collection.get().find(in("_id", ids)));
    }

    @Override
    public List<F> withPrefix(String prefix) {
        return range(prefix, prefix + Keys.END);
    }

    @Override
    public List<F> range(String fromInclusive, String toExclusive) {
        return read(collection.get().find(and(gte("_id", fromInclusive), lt("_id", toExclusive))).sort(Sorts.ascending("_id")));
    }

    private List<F> read(Iterable<Document> documents) {
        List<F> facts = new ArrayList<>();
        for (Document document : documents) {
            facts.add(codec.read(document));
        }
        return facts;
    }
}
