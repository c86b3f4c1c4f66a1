package org.reciprocity.ledger.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.reciprocity.contracts.ledger.ChainVerified;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.ChainVerification;
import org.reciprocity.ledger.book.JobLeases;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.reciprocity.ledger.checkpoint.Checkpoints;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Verifies a timebank's hash chain (the walk, held against the signed checkpoints the broker keeps)
 * and records the outcome in the timebank's one document in {@value #COLLECTION}, with its
 * {@code ChainVerified} in that document's outbox: the outcome and its event are one write. One
 * instance at a time verifies a timebank (a job lease, not the write lease: commands go on).
 */
@Service
public class ChainVerifications {

    private static final LogAccessor LOG = new LogAccessor(ChainVerifications.class);
    static final String COLLECTION = "ledger_verifications";
    /** Held by the instance verifying; a walk takes seconds, this is only a bound if it dies. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final Checkpoints checkpoints;
    private final JobLeases leases;
    private final Timebanks timebanks;
    private final OutboxRelay relay;
    private final Clock clock;

    ChainVerifications(MongoTemplate mongo, Checkpoints checkpoints, JobLeases leases, Timebanks timebanks,
                       OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.checkpoints = checkpoints;
        this.leases = leases;
        this.timebanks = timebanks;
        this.relay = relay;
        this.clock = clock;
    }

    /** The last outcome, if the chain was ever verified. */
    public Optional<VerificationOutcome> last(String timebankId) {
        return Optional.ofNullable(mongo.findById(timebankId, VerificationOutcome.class, COLLECTION));
    }

    /**
     * Verifies the chain if its last verification is at least {@code every} old (or there was none);
     * nothing when it is recent or another instance is verifying it now.
     */
    Optional<VerificationOutcome> runIfDue(String timebankId, Duration every) {
        return leases.runAlone(lease(timebankId), LEASE, () -> {
            // read under the lease: an instance that just finished has recorded its outcome
            boolean recent = last(timebankId).map(o -> o.ranAt().plus(every).isAfter(clock.instant())).orElse(false);
            return recent ? null : verifyAndRecord(timebankId, null);
        });
    }

    /** An admin's verification now; refused while another is running for the timebank. */
    VerificationOutcome runNow(String timebankId, String by) {
        timebanks.require(timebankId);
        return leases.runAlone(lease(timebankId), LEASE, () -> verifyAndRecord(timebankId, by))
                .orElseThrow(() -> ApiException.of(LedgerRefusal.VERIFICATION_RUNNING));
    }

    private VerificationOutcome verifyAndRecord(String timebankId, String by) {
        ChainVerification walk = checkpoints.verifyWithPublished(timebankId);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        VerificationOutcome outcome = new VerificationOutcome(timebankId, walk.intact(), at, walk.entriesChecked(),
                walk.checkpointsChecked(), walk.brokenAtSequence(), BrokenChainWords.of(walk), by);
        ChainVerified event = new ChainVerified(UUID.randomUUID(), at, timebankId, outcome.intact(),
                outcome.entriesChecked(), outcome.checkpointsChecked(), outcome.brokenAtSequence(), outcome.problem(), by);
        // the whole outcome replaces the last one, and its event joins the outbox, in one update
        mongo.upsert(Query.query(Criteria.where("_id").is(timebankId)), new Update().set("intact", outcome.intact())
                .set("ranAt", at).set("entriesChecked", outcome.entriesChecked())
                .set("checkpointsChecked", outcome.checkpointsChecked()).set("brokenAtSequence", outcome.brokenAtSequence())
                .set("problem", outcome.problem()).set("requestedBy", by).push("outbox", OutboxEntry.of(event)), COLLECTION);
        relay.flush(COLLECTION, timebankId);
        if (outcome.intact()) {
            LOG.info(() -> "timebank " + timebankId + ": chain intact, " + outcome.entriesChecked() + " entries and "
                    + outcome.checkpointsChecked() + " checkpoints checked");
        } else {
            LOG.error(() -> "timebank " + timebankId + ": chain BROKEN at entry " + outcome.brokenAtSequence() + ". "
                    + outcome.problem());
        }
        return outcome;
    }

    private static String lease(String timebankId) {
        return "ledger-verification:" + timebankId;
    }
}
