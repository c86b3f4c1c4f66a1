package org.reciprocity.ledger.checkpoint;

import java.time.Duration;

import org.bson.Document;
import org.reciprocity.kit.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checkpoints every timebank whose chain head moved since its last checkpoint, once that is
 * {@code reciprocity.ledger.checkpoint.every} old (default 23 h; checked every
 * {@code reciprocity.ledger.checkpoint.check}, default 1 h: so at least daily). Every instance runs
 * it; a timebank is checkpointed under its write lease, by the one instance holding it, and the
 * others find the fresh checkpoint and skip it.
 */
@Component
class CheckpointSchedule {

    private static final LogAccessor LOG = new LogAccessor(CheckpointSchedule.class);

    private final MongoTemplate mongo;
    private final Checkpoints checkpoints;
    private final Duration every;

    CheckpointSchedule(MongoTemplate mongo, Checkpoints checkpoints,
                       @Value("${reciprocity.ledger.checkpoint.every:23h}") Duration every) {
        this.mongo = mongo;
        this.checkpoints = checkpoints;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${reciprocity.ledger.checkpoint.check:1h}",
            initialDelayString = "${reciprocity.ledger.checkpoint.check:1h}")
    void check() {
        Query all = new Query();
        all.fields().include("_id");
        for (Document timebank : mongo.find(all, Document.class, "timebanks")) {
            String timebankId = timebank.getString("_id");
            try {
                checkpoints.takeIfDue(timebankId, every).ifPresent(c -> LOG.info(() -> "timebank " + timebankId
                        + ": chain checkpointed at entry " + c.sequence()));
            } catch (ApiException refused) {
                LOG.error(() -> "timebank " + timebankId + ": no checkpoint signed. " + refused.getMessage());
            } catch (RuntimeException failed) {
                LOG.warn(failed, () -> "timebank " + timebankId + ": checkpoint not taken now; tried again at the next check");
            }
        }
    }
}
