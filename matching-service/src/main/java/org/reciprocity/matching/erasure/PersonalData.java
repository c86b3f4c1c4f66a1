package org.reciprocity.matching.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Issue 18: where matching holds something about a member, collection by collection. The erasure
 * ({@link MatchingErasure}) forgets what these find, and the export ({@link PersonalDataController})
 * shows what they find, so the two cannot disagree. A new collection holding a member's data is
 * added here, and to the erasure's steps.
 */
@Component
public class PersonalData {

    static final String PROFILES = "profiles";
    static final String LISTINGS = "listings";
    static final String MATCHES = "matches";
    static final String PLANS = "plans";
    static final String COUNTED_TRANSFERS = "counted_transfers";
    static final String READS = ReadLog.COLLECTION;
    static final String ERASURES = ErasureConfirmations.COLLECTION;

    private final MongoTemplate mongo;

    PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The member's profile: the ledger's details as matching keeps them and what the member added. */
    static Criteria profile(String timebankId, String memberId) {
        return Criteria.where("_id").is(memberId).and("timebankId").is(timebankId);
    }

    /** The listings the member published, in any state. */
    static Criteria listings(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).and("ownerId").is(memberId);
    }

    /** The matches the member is a side of (not those a coordinator proposed between others). */
    static Criteria matches(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).orOperator(Criteria.where("giverId").is(memberId),
                Criteria.where("receiverId").is(memberId));
    }

    /** The coordinators' plans with a proposal naming the member. */
    static Criteria plans(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).orOperator(Criteria.where("proposals.giverId").is(memberId),
                Criteria.where("proposals.receiverId").is(memberId));
    }

    /** The contribution transfers counted as the member's time given or received (ids and minutes). */
    static Criteria countedTransfers(String timebankId, String memberId) {
        return Criteria.where("timebankId").is(timebankId).orOperator(Criteria.where("giverId").is(memberId),
                Criteria.where("receiverId").is(memberId));
    }

    /** The member's "who looked" list: one document a month, {@code _id} {@code timebank/member/month}. */
    static Criteria reads(String timebankId, String memberId) {
        return Criteria.where("_id").regex("^" + Pattern.quote(timebankId + "/" + memberId + "/"));
    }

    /** This service's confirmation that it forgot the member, once it did. */
    static Criteria erasure(String timebankId, String memberId) {
        return Criteria.where("_id").is(timebankId + "/" + memberId);
    }

    /** Every document matching holds about the member, by collection, as stored. */
    public Map<String, List<Document>> find(String timebankId, String memberId) {
        Map<String, Criteria> where = new LinkedHashMap<>();
        where.put(PROFILES, profile(timebankId, memberId));
        where.put(LISTINGS, listings(timebankId, memberId));
        where.put(MATCHES, matches(timebankId, memberId));
        where.put(PLANS, plans(timebankId, memberId));
        where.put(COUNTED_TRANSFERS, countedTransfers(timebankId, memberId));
        where.put(READS, reads(timebankId, memberId));
        where.put(ERASURES, erasure(timebankId, memberId));
        Map<String, List<Document>> found = new LinkedHashMap<>();
        where.forEach((collection, criteria) -> found.put(collection,
                mongo.find(Query.query(criteria), Document.class, collection)));
        return found;
    }
}
