package org.reciprocity.ledger.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.ledger.book.JobLeases;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends again, every {@code reciprocity.erasure.details-sweep} (default 1 h), the "erased" details
 * record of each member erased in the last {@link #RECENT 2 days}. Why: the broker compacts only closed
 * segments, and a segment is closed only by an append after its {@code segment.ms}; in a quiet timebank
 * nothing else may be written, so the segment holding the member's older records (their name, e-mail,
 * kind) would stay open and uncleaned. This append rolls it, and the cleaner then removes those records
 * within the compaction lag (docs/personal-data.md 2.3, "The compaction window").
 *
 * <p>Through the member document's outbox like every other record of it, so it is never lost to a
 * broker away; with the same version as the erasure's record, so readers (who keep the highest version)
 * see nothing new. One instance at a time ({@link JobLeases}); another running later in the hour only
 * appends one more harmless record.
 */
@Component
class DetailsSweep {

    private static final LogAccessor LOG = new LogAccessor(DetailsSweep.class);
    /** How long after an erasure its record is appended again: well past the 24 h compaction lag. */
    static final Duration RECENT = Duration.ofDays(2);
    private static final Duration LEASE = Duration.ofMinutes(10);
    static final String LEASE_NAME = "member-details-sweep";

    private final MongoTemplate mongo;
    private final JobLeases leases;
    private final OutboxRelay relay;
    private final Clock clock;

    DetailsSweep(MongoTemplate mongo, JobLeases leases, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.leases = leases;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reciprocity.erasure.details-sweep:1h}",
            initialDelayString = "${reciprocity.erasure.details-sweep:1h}")
    void scheduled() {
        int appended = sweep();
        if (appended > 0) {
            LOG.info(() -> "appended the erased details record of " + appended + " recently erased member(s) again");
        }
    }

    /** Appends the records; how many, 0 when another instance is sweeping now. */
    int sweep() {
        return leases.runAlone(LEASE_NAME, LEASE, this::appendAgain).orElse(0);
    }

    private int appendAgain() {
        Instant now = clock.instant();
        Query recentlyErased = Query.query(Criteria.where("status").is("ERASED")
                .and("erasedAt").gte(Date.from(now.minus(RECENT))));
        recentlyErased.fields().include("timebankId", "version");
        int appended = 0;
        for (Document member : mongo.find(recentlyErased, Document.class, Members.COLLECTION)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the next run appends the rest
            }
            String memberId = member.getString("_id");
            try {
                if (appendAgain(member, now)) {
                    appended++;
                }
            } catch (RuntimeException failed) {
                // one member's document must not keep the others' records from rolling the segment
                LOG.warn(failed, () -> "member " + memberId + ": erased details record not appended again now");
            }
        }
        return appended;
    }

    private boolean appendAgain(Document member, Instant now) {
        String memberId = member.getString("_id");
        Number version = member.get("version", Number.class);
        MemberDetailsRecorded erased = MemberDetailsRecorded.ofErased(UUID.randomUUID(), now,
                member.getString("timebankId"), memberId, version == null ? MemberDocument.REGISTERED : version.longValue());
        // still erased when written: never an "erased" record for someone this did not read as erased
        var written = mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("status").is("ERASED")),
                new Update().push("outbox", OutboxEntry.of(erased)), Members.COLLECTION);
        if (written.getMatchedCount() == 0) {
            return false;
        }
        relay.flush(Members.COLLECTION, memberId);
        return true;
    }
}
