package org.reciprocity.ledger.contribution;

import org.bson.Document;
import org.reciprocity.ledger.book.Bookkeeping;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds, then expires, contributions nobody validated in their timebank's window. Safe with
 * several instances running: only the instance holding a timebank's write lease changes it (the
 * others skip that timebank this round), and each change to a contribution is a conditional update
 * on the state it was read in, so of two instances expiring the same one, one wins and the other
 * retries and finds it already expired.
 */
@Component
class ContributionDeadlines {

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;

    ContributionDeadlines(MongoTemplate mongo, Bookkeeping bookkeeping) {
        this.mongo = mongo;
        this.bookkeeping = bookkeeping;
    }

    @Scheduled(fixedDelayString = "${reciprocity.ledger.deadline-check:60s}",
            initialDelayString = "${reciprocity.ledger.deadline-check:60s}")
    void check() {
        Query logged = Query.query(Criteria.where("state").is("LOGGED"));
        logged.fields().include("contribution.timebankId").include("contribution.id");
        for (Document doc : mongo.find(logged, Document.class, "contributions")) {
            Document c = doc.get("contribution", Document.class);
            String timebankId = c.getString("timebankId");
            String id = c.getString("id");
            // a timebank another instance is writing now is that instance's to check
            bookkeeping.runIfFree(timebankId, ledger -> ledger.remind(timebankId, id) | ledger.expire(timebankId, id));
        }
    }
}
