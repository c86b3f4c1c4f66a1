package org.reciprocity.review.export;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The listings and matches review-service keeps for the download, in its own collections
 * ({@code export_listings}, {@code export_matches}), keyed {@code <timebank>|<id>} so a timebank's
 * are one {@code _id} range. A merge is one conditional single-document replace on the document's
 * {@code rev}, retried on a race, as for the review's facts. They are not part of the review's
 * generations: a rebuild does not touch them (the merges already make redelivery harmless).
 */
@Component
class MatchingRecords {

    private static final String REV = "rev";
    private final MongoTemplate mongo;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    MatchingRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void merge(ListingRecord listing) {
        merge(listings(), listing.id(), listing, ListingRecord::merge, MatchingRecords::write, MatchingRecords::readListing);
    }

    void merge(MatchRecord match) {
        merge(matches(), match.id(), match, MatchRecord::merge, MatchingRecords::write, MatchingRecords::readMatch);
    }

    List<ListingRecord> listings(String timebankId) {
        return range(listings(), timebankId, MatchingRecords::readListing);
    }

    List<MatchRecord> matches(String timebankId) {
        return range(matches(), timebankId, MatchingRecords::readMatch);
    }

    private MongoCollection<Document> listings() {
        return collection("export_listings");
    }

    private MongoCollection<Document> matches() {
        return collection("export_matches");
    }

    private MongoCollection<Document> collection(String name) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        if (indexed.add(name)) {
            // the conditional replace names exactly {_id, rev}: with this index the embedded store finds it, not by a scan
            collection.createIndex(Indexes.ascending("_id", REV), new IndexOptions().unique(true));
        }
        return collection;
    }

    private static <T> void merge(MongoCollection<Document> documents, String id, T fact, BinaryOperator<T> merge,
                                  Function<T, Document> write, Function<Document, T> read) {
        while (true) {
            Document stored = documents.find(eq("_id", id)).first();
            if (stored == null) {
                try {
                    documents.insertOne(write.apply(fact).append("_id", id).append(REV, 1L));
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // written meanwhile: merge into it
                }
            }
            T current = read.apply(stored);
            T merged = merge.apply(current, fact);
            if (merged.equals(current)) {
                return; // a redelivery, or something already known
            }
            long rev = ((Number) stored.get(REV)).longValue();
            // a plain {_id, rev} document: Filters.and renders $and, which the embedded store answers by a scan
            if (documents.replaceOne(new Document("_id", id).append(REV, rev), write.apply(merged).append("_id", id)
                    .append(REV, rev + 1)).getMatchedCount() == 1) {
                return;
            }
        }
    }

    private static <T> List<T> range(MongoCollection<Document> documents, String timebankId, Function<Document, T> read) {
        List<T> all = new ArrayList<>();
        for (Document d : documents.find(new Document("_id", new Document("$gte", timebankId + "|")
                        .append("$lt", timebankId + "|\uffff")))
                .sort(Sorts.ascending("_id"))) {
            all.add(read.apply(d));
        }
        return all;
    }

    // ---- codecs: plain fields, instants as dates

    private static Document write(ListingRecord l) {
        Document d = new Document("timebankId", l.timebankId()).append("listingId", l.listingId())
                .append("kind", l.kind()).append("ownerId", l.ownerId())
                .append("ending", l.ending()).append("endedAt", date(l.endedAt()));
        ListingRecord.Published p = l.published();
        if (p != null) {
            d.append("published", new Document("title", p.title()).append("category", p.category())
                    .append("tags", p.tags()).append("estimatedMinutes", p.estimatedMinutes()).append("mode", p.mode())
                    .append("district", p.district()).append("requiresVerified", p.requiresVerified())
                    .append("publishedAt", date(p.publishedAt())).append("expiresAt", date(p.expiresAt())));
        }
        return d;
    }

    private static ListingRecord readListing(Document d) {
        Document p = d.get("published", Document.class);
        ListingRecord.Published published = p == null ? null : new ListingRecord.Published(p.getString("title"),
                p.getString("category"), p.getList("tags", String.class), ((Number) p.get("estimatedMinutes")).longValue(),
                p.getString("mode"), p.getString("district"), Boolean.TRUE.equals(p.getBoolean("requiresVerified")),
                instant(p.getDate("publishedAt")), instant(p.getDate("expiresAt")));
        return new ListingRecord(d.getString("timebankId"), d.getString("listingId"), d.getString("kind"),
                d.getString("ownerId"), published, d.getString("ending"), instant(d.getDate("endedAt")));
    }

    private static Document write(MatchRecord m) {
        return new Document("timebankId", m.timebankId()).append("matchId", m.matchId()).append("giverId", m.giverId())
                .append("receiverId", m.receiverId()).append("offerListingId", m.offerListingId())
                .append("needListingId", m.needListingId()).append("proposedVia", m.proposedVia())
                .append("estimatedMinutes", m.estimatedMinutes()).append("proposedAt", date(m.proposedAt()))
                .append("agreedAt", date(m.agreedAt())).append("state", m.state()).append("stateAt", date(m.stateAt()))
                .append("contributionId", m.contributionId()).append("minutes", m.minutes());
    }

    private static MatchRecord readMatch(Document d) {
        return new MatchRecord(d.getString("timebankId"), d.getString("matchId"), d.getString("giverId"),
                d.getString("receiverId"), d.getString("offerListingId"), d.getString("needListingId"),
                d.getString("proposedVia"), longOrNull(d.get("estimatedMinutes")), instant(d.getDate("proposedAt")),
                instant(d.getDate("agreedAt")), d.getString("state"), instant(d.getDate("stateAt")),
                d.getString("contributionId"), longOrNull(d.get("minutes")));
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}
