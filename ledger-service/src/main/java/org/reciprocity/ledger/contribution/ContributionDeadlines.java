package org.reciprocity.ledger.contribution;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.ContributionState;
import org.springframework.core.log.LogAccessor;
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

    private static final LogAccessor LOG = new LogAccessor(ContributionDeadlines.class);

    private final MongoTemplate mongo;
    private final Bookkeeping bookkeeping;

    ContributionDeadlines(MongoTemplate mongo, Bookkeeping bookkeeping) {
        this.mongo = mongo;
        this.bookkeeping = bookkeeping;
    }

    @Scheduled(fixedDelayString = "${reciprocity.ledger.deadline-check:60s}",
            initialDelayString = "${reciprocity.ledger.deadline-check:60s}")
    void check() {
        for (Waiting c : waiting()) {
            // a timebank another instance is writing now is that instance's to check
            bookkeeping.runIfFree(c.timebankId(), ledger -> ledger.remind(c.timebankId(), c.id())
                    | ledger.expire(c.timebankId(), c.id()));
        }
    }

    /**
     * The contributions waiting for validation, read as the store wrote them: the whole
     * {@code contribution} subdocument, turned back into a {@link Contribution} by the same mapping
     * that wrote it. (Reading it field by field by hand went wrong: the mapping stores the
     * contribution's {@code id} as {@code _id}, so a projection or a lookup of {@code contribution.id}
     * found nothing, on mongo-java-server as on MongoDB, and no reminder or expiry ever ran.)
     */
    List<Waiting> waiting() {
        Query logged = Query.query(Criteria.where("state").is(ContributionState.LOGGED.name()));
        logged.fields().include("contribution");
        List<Waiting> found = new ArrayList<>();
        for (Document doc : mongo.find(logged, Document.class, "contributions")) {
            Document stored = doc.get("contribution", Document.class);
            Contribution c = stored == null ? null : mongo.getConverter().read(Contribution.class, stored);
            if (c == null || c.timebankId() == null || c.id() == null) {
                LOG.warn(() -> "contribution document " + doc.get("_id") + " has no timebank or id; skipped");
                continue;
            }
            found.add(new Waiting(c.timebankId(), c.id()));
        }
        return found;
    }

    record Waiting(String timebankId, String id) {
    }
}
