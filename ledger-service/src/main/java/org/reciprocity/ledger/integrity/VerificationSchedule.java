package org.reciprocity.ledger.integrity;

import java.time.Duration;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies every timebank's chain once its last verification is {@code reciprocity.ledger.verification.every}
 * old (default 6 h; looked at every {@code reciprocity.ledger.verification.check}, default 1 h, as the
 * checkpoints are).
 * Every instance runs it; one verifies a timebank at a time, and the others find its fresh outcome
 * and skip it. A chain found broken is published and logged as an error; the next run checks again.
 */
@Component
class VerificationSchedule {

    private static final LogAccessor LOG = new LogAccessor(VerificationSchedule.class);

    private final MongoTemplate mongo;
    private final ChainVerifications verifications;
    private final Duration every;

    VerificationSchedule(MongoTemplate mongo, ChainVerifications verifications,
                         @Value("${reciprocity.ledger.verification.every:6h}") Duration every) {
        this.mongo = mongo;
        this.verifications = verifications;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${reciprocity.ledger.verification.check:1h}",
            initialDelayString = "${reciprocity.ledger.verification.check:1h}")
    void check() {
        Query all = new Query();
        all.fields().include("_id");
        for (Document timebank : mongo.find(all, Document.class, "timebanks")) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: the walks left are for the next start
            }
            String timebankId = timebank.getString("_id");
            try {
                verifications.runIfDue(timebankId, every);
            } catch (RuntimeException failed) {
                LOG.warn(failed, () -> "timebank " + timebankId + ": chain not verified now; tried again at the next check");
            }
        }
    }
}
