package org.reciprocity.kit.retention;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The retention policy of each timebank as this service heard it, one document per timebank in
 * {@value #COLLECTION} ({@code _id} = timebank id). Whole state: the last event heard wins, and the
 * timebanks topic is ordered per timebank.
 */
public final class RetentionPolicies {

    public static final String COLLECTION = "retention_policies";

    private final MongoTemplate mongo;

    public RetentionPolicies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void heard(RetentionPolicyChanged e) {
        RetentionPolicy p = RetentionPolicy.of(e);
        Document doc = new Document("_id", e.timebankId()).append("messagesDays", p.messages().toDays())
                .append("closedListingsDays", p.closedListings().toDays())
                .append("closedMatchActivityDays", p.closedMatchActivity().toDays())
                .append("plansDays", p.plans().toDays()).append("leftMembersDays", p.leftMembers().toDays())
                .append("changedAt", Date.from(e.occurredAt()));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", e.timebankId()), doc,
                new ReplaceOptions().upsert(true));
    }

    /** Each timebank that set a policy; the others keep {@link RetentionPolicy#DEFAULTS}. */
    public Map<String, RetentionPolicy> set() {
        Map<String, RetentionPolicy> policies = new HashMap<>();
        for (Document d : mongo.getCollection(COLLECTION).find()) {
            policies.put(d.getString("_id"), new RetentionPolicy(days(d, "messagesDays"), days(d, "closedListingsDays"),
                    days(d, "closedMatchActivityDays"), days(d, "plansDays"), days(d, "leftMembersDays")));
        }
        return policies;
    }

    private static Duration days(Document d, String field) {
        return Duration.ofDays(((Number) d.get(field)).longValue());
    }
}
