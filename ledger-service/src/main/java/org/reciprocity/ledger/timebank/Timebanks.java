package org.reciprocity.ledger.timebank;

import java.time.Clock;
import java.util.Optional;


import org.bson.Document;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.ledger.audit.AdminAudit;
import org.reciprocity.ledger.book.MongoBookStore;
import org.reciprocity.ledger.book.Policy;
import org.reciprocity.ledger.book.PolicyDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Opens timebanks and finds them. */
@Service
public class Timebanks {

    static final String COLLECTION = "timebanks";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MongoBookStore book;
    private final AdminAudit audit;

    Timebanks(MongoTemplate mongo, OutboxRelay relay, Clock clock, MongoBookStore book, AdminAudit audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.book = book;
    }

    Timebank open(String id, String name, String zone, String openedBy) {
        Timebank.Opened opened = Timebank.open(id, name, zone, openedBy, clock);
        try {
            // The timebank and its TimebankOpened event are written in one document: both or neither.
            mongo.insert(TimebankDocument.of(opened));
        } catch (DuplicateKeyException e) {
            throw ApiException.of(LedgerRefusal.TIMEBANK_EXISTS, "timebank", id);
        }
        relay.flush(COLLECTION, id);
        return opened.timebank();
    }

    /** The timebank's policy, its defaults until the admin sets one. */
    public Policy policy(String id) {
        return book.policy(id).orElseThrow(() -> ApiException.of(LedgerRefusal.NO_TIMEBANK, "timebank", id));
    }

    /**
     * Sets the policy and, in the same one-document update, records who changed what ({@link AdminAudit}).
     * The update is conditional on the policy read for the comparison, so the record says what really
     * changed even when two admins save at once (the second one compares again).
     */
    Policy setPolicy(String id, Policy policy) {
        require(id);
        for (int attempt = 0; ; attempt++) {
            Document before = mongo.findById(id, Document.class, COLLECTION);
            Object stored = before == null ? null : before.get("policy");
            book.forgetPolicy(id);
            Policy old = policy(id);
            Update update = new Update().set("policy", PolicyDocuments.write(policy)).set("zone", policy.zone().getId());
            AdminAudit.push(update, audit.entry("POLICY_CHANGED", id, before == null ? id : before.getString("name"),
                    PolicyChanges.between(old, policy)));
            Query query = Query.query(Criteria.where("_id").is(id));
            if (attempt < 4) {
                // after a few races, written anyway: the change matters more than an exact "from"
                query.addCriteria(stored == null ? Criteria.where("policy").exists(false) : Criteria.where("policy").is(stored));
            }
            if (mongo.updateFirst(query, update, COLLECTION).getMatchedCount() == 1) {
                break;
            }
        }
        // the ledger caches policies briefly; this instance's commands see the new one at once
        book.forgetPolicy(id);
        return policy;
    }

    public Optional<Timebank> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TimebankDocument.class)).map(TimebankDocument::toTimebank);
    }

    public Timebank require(String id) {
        return find(id).orElseThrow(() -> ApiException.of(LedgerRefusal.NO_TIMEBANK, "timebank", id));
    }
}
