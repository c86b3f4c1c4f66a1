package org.reciprocity.ledger.timebank;

import java.time.Clock;
import java.util.Optional;


import org.reciprocity.kit.outbox.OutboxRelay;
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

    Timebanks(MongoTemplate mongo, OutboxRelay relay, Clock clock, MongoBookStore book) {
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

    Policy setPolicy(String id, Policy policy) {
        require(id);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("policy", PolicyDocuments.write(policy))
                .set("zone", policy.zone().getId()), COLLECTION);
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
