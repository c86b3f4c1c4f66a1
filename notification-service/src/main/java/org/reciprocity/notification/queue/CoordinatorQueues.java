package org.reciprocity.notification.queue;

import java.util.List;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.notification.queue.OpenContribution.State;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

import static org.reciprocity.notification.queue.OpenContributionDocument.key;

/**
 * The read model behind the coordinators' daily digest, fed by the contribution events. A
 * contribution's events share its key, so they arrive in order; a redelivered one changes nothing:
 * a log inserts only if the contribution is unknown, a dispute moves only a waiting contribution,
 * and closing is final.
 */
@Service
public class CoordinatorQueues {

    private static final String CONSUMER = "notification.queues";

    private final MongoTemplate mongo;

    CoordinatorQueues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.CONTRIBUTIONS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof ContributionLogged e) {
            insertIfNew(new OpenContributionDocument(key(e.timebankId(), e.contributionId()), e.contributionId(),
                    e.timebankId(), e.giverAccountId(), e.receiverAccountId(), e.minutes(), e.occurredAt(),
                    State.WAITING.name(), null));
        } else if (event instanceof ContributionDisputed e) {
            boolean moved = mongo.updateFirst(Query.query(Criteria.where("_id").is(key(e.timebankId(), e.contributionId())).and("state")
                    .is(State.WAITING.name())), new Update().set("state", State.DISPUTED.name())
                    .set("disputedAt", e.occurredAt()), OpenContributionDocument.class).getModifiedCount() == 1;
            if (!moved) {
                // logged before this service listened: the dispute is still worth listing
                insertIfNew(new OpenContributionDocument(key(e.timebankId(), e.contributionId()), e.contributionId(),
                        e.timebankId(), e.giverAccountId(), e.receiverAccountId(), 0, e.occurredAt(),
                        State.DISPUTED.name(), e.occurredAt()));
            }
        } else if (event instanceof ContributionValidated e) {
            close(e.contributionId(), e.timebankId());
        } else if (event instanceof ContributionResolved e) {
            close(e.contributionId(), e.timebankId());
        } else if (event instanceof ContributionRejected e) {
            close(e.contributionId(), e.timebankId());
        } else if (event instanceof ContributionWithdrawn e) {
            close(e.contributionId(), e.timebankId());
        } else if (event instanceof ContributionExpired e) {
            close(e.contributionId(), e.timebankId());
        }
    }

    /** The timebank's contributions still waiting for validation or for a coordinator. */
    public List<OpenContribution> open(String timebankId) {
        return mongo.find(Query.query(Criteria.where("timebankId").is(timebankId).and("state")
                        .in(State.WAITING.name(), State.DISPUTED.name())), OpenContributionDocument.class)
                .stream().map(OpenContributionDocument::toContribution).toList();
    }

    private void insertIfNew(OpenContributionDocument document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException known) {
            // a redelivery, or a contribution already closed: nothing to reopen
        }
    }

    private void close(String contributionId, String timebankId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key(timebankId, contributionId))),
                new Update().set("state", State.CLOSED.name()).setOnInsert("timebankId", timebankId)
                        .setOnInsert("contributionId", contributionId), OpenContributionDocument.class);
    }
}
