package org.reciprocity.ledger.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.kit.erasure.RecentErasures;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.ledger.book.JobLeases;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends again, every {@code reciprocity.erasure.details-sweep} (default 1 h), the "erased" details
 * record of each member erased in the last {@link RecentErasures#RECENT 2 days}, so that compaction
 * cleans the segment holding their older records (their name, e-mail, kind): see {@link RecentErasures}
 * for why, and docs/personal-data.md 2.3, "The compaction window".
 *
 * <p>Through the member document's outbox like every other record of it; only onto a member still
 * erased when written (never an "erased" record for someone this did not read as erased); with the same
 * version as the erasure's record, so readers (who keep the highest version) see nothing new. One
 * instance at a time ({@link JobLeases}); another running later in the hour only appends one more
 * harmless record.
 */
@Component
class DetailsSweep {

    private static final LogAccessor LOG = new LogAccessor(DetailsSweep.class);
    private static final Duration LEASE = Duration.ofMinutes(10);
    static final String LEASE_NAME = "member-details-sweep";
    private static final RecentErasures ERASED_MEMBERS = new RecentErasures(Members.COLLECTION, "erasedAt",
            Criteria.where("status").is("ERASED"), DetailsSweep::erasedRecord, "timebankId", "version");

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
        return leases.runAlone(LEASE_NAME, LEASE, () -> ERASED_MEMBERS.appendAgain(mongo, relay, clock.instant())).orElse(0);
    }

    private static DomainEvent erasedRecord(Document member, Instant now) {
        Number version = member.get("version", Number.class);
        return MemberDetailsRecorded.ofErased(UUID.randomUUID(), now, member.getString("timebankId"),
                member.getString("_id"), version == null ? MemberDocument.REGISTERED : version.longValue());
    }
}
