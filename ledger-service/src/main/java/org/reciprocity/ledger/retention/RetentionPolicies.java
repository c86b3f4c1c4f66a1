package org.reciprocity.ledger.retention;

import java.time.Clock;

import org.bson.Document;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A timebank's retention policy, kept in its timebank document ({@code retention}) with the
 * {@link RetentionPolicyChanged} that announces it in the same one-document update: both or neither.
 */
@Service
class RetentionPolicies {

    static final String TIMEBANKS = "timebanks";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    RetentionPolicies(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** The timebank's policy, the defaults until its admin sets one. */
    RetentionPolicy of(String timebankId) {
        Document timebank = mongo.findById(timebankId, Document.class, TIMEBANKS);
        if (timebank == null) {
            throw ApiException.of(LedgerRefusal.NO_TIMEBANK, "timebank", timebankId);
        }
        return of(timebank);
    }

    /** The policy kept in a timebank document ({@code retention}), the defaults if it has none. */
    static RetentionPolicy of(Document timebank) {
        Document r = timebank.get("retention", Document.class);
        if (r == null) {
            return RetentionPolicy.DEFAULTS;
        }
        return new RetentionPolicy(r.getInteger("messagesDays"), r.getInteger("closedListingsDays"),
                r.getInteger("closedMatchActivityDays"), r.getInteger("plansDays"), r.getInteger("leftMembersDays"));
    }

    RetentionPolicy set(String timebankId, RetentionPolicy policy, String changedBy) {
        RetentionPolicyChanged event = policy.announced(timebankId, changedBy, clock);
        Document stored = new Document("messagesDays", policy.messagesDays())
                .append("closedListingsDays", policy.closedListingsDays())
                .append("closedMatchActivityDays", policy.closedMatchActivityDays())
                .append("plansDays", policy.plansDays()).append("leftMembersDays", policy.leftMembersDays());
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(timebankId)),
                new Update().set("retention", stored).push("outbox", OutboxEntry.of(event)), TIMEBANKS)
                .getMatchedCount() == 0) {
            throw ApiException.of(LedgerRefusal.NO_TIMEBANK, "timebank", timebankId);
        }
        relay.flush(TIMEBANKS, timebankId);
        return policy;
    }
}
