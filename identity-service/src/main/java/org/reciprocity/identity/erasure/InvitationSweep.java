package org.reciprocity.identity.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends again, every {@code reciprocity.erasure.details-sweep} (default 1 h), the
 * {@link InvitationWithdrawn} of each member whose erasure identity confirmed in the last
 * {@link #RECENT 2 days}. Why, as the ledger's details sweep: the broker compacts only closed segments,
 * a segment closes only on an append after its {@code segment.ms}, and a key only in the open segment
 * is not in the cleaner's map; invitations are rare, so without this the segment holding the member's
 * {@code MemberInvited} (their e-mail) could stay open and uncleaned for its seven days.
 *
 * <p>Through the {@code erasures} document's outbox (a conditional {@code $push}: only onto a
 * confirmation still recent when written), so a broker away delays it and loses nothing. Ids only, and
 * consumers ignore it, so two instances sweeping in the same hour only append one more harmless record.
 */
@Component
public class InvitationSweep {

    private static final LogAccessor LOG = new LogAccessor(InvitationSweep.class);
    /** How long after an erasure its withdrawal is appended again: well past the 24 h compaction lag. */
    static final Duration RECENT = Duration.ofDays(2);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    InvitationSweep(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reciprocity.erasure.details-sweep:1h}",
            initialDelayString = "${reciprocity.erasure.details-sweep:1h}")
    void scheduled() {
        int appended = sweep();
        if (appended > 0) {
            LOG.info(() -> "appended the invitation withdrawal of " + appended + " recently erased member(s) again");
        }
    }

    /** Appends the withdrawals; how many. */
    public int sweep() {
        Instant now = clock.instant();
        Date since = Date.from(now.minus(RECENT));
        Query recent = Query.query(Criteria.where("confirmedAt").gte(since));
        recent.fields().include("timebankId", "memberId");
        int appended = 0;
        for (Document erasure : mongo.find(recent, Document.class, ErasureConfirmations.COLLECTION)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the next run appends the rest
            }
            try {
                if (appendAgain(erasure, since, now)) {
                    appended++;
                }
            } catch (RuntimeException failed) {
                // one document must not keep the others' withdrawals from rolling the segment
                LOG.warn(failed, () -> "erasure " + erasure.get("_id") + ": invitation withdrawal not appended again now");
            }
        }
        return appended;
    }

    private boolean appendAgain(Document erasure, Date since, Instant now) {
        Object id = erasure.get("_id");
        InvitationWithdrawn withdrawn = new InvitationWithdrawn(UUID.randomUUID(), now, erasure.getString("timebankId"),
                erasure.getString("memberId"));
        var written = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("confirmedAt").gte(since)),
                new Update().push("outbox", OutboxEntry.of(withdrawn)), ErasureConfirmations.COLLECTION);
        if (written.getMatchedCount() == 0) {
            return false;
        }
        relay.flush(ErasureConfirmations.COLLECTION, id.toString());
        return true;
    }
}
