package org.reciprocity.ledger.member;

import java.time.Clock;
import java.util.List;

import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Members registered before issue 18 have their names, e-mails and kinds only in the ledger: the
 * details topic never heard of them, and the old records on the members topic lose those fields to
 * the scrub (platform {@code TopicScrub}). At start, each such member (a document without
 * {@code kinds}, which every write since keeps) gets its kind history and its first details record,
 * in one conditional update, so matching, notification and the review learn their details from the
 * one place that now carries them. Every later start finds none.
 */
@Component
class DetailsSeed {

    private static final LogAccessor LOG = new LogAccessor(DetailsSeed.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    DetailsSeed(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAtStart() {
        int seeded = seed();
        if (seeded > 0) {
            LOG.info(() -> "published the details of " + seeded + " member(s) registered before the details topic");
        }
    }

    /** Seeds every member not seeded yet; how many this call seeded. */
    int seed() {
        Query unseeded = Query.query(Criteria.where("kinds").exists(false).and("status").ne("ERASED"));
        int seeded = 0;
        for (MemberDocument member : mongo.find(unseeded, MemberDocument.class)) {
            if (member.kind() == null || member.displayName() == null) {
                continue; // nothing to say of them
            }
            long version = member.version() == null ? MemberDocument.REGISTERED : member.version();
            List<KindSince> kinds = KindHistory.of(null, member.kind(), member.registeredAt());
            Member details = member.toMember();
            Criteria same = Criteria.where("_id").is(member.id()).and("kinds").exists(false);
            same = member.version() == null ? same.and("version").exists(false) : same.and("version").is(member.version());
            var written = mongo.updateFirst(Query.query(same), new Update().set("kinds", kinds).push("outbox",
                    OutboxEntry.of(MemberDetails.recorded(member.timebankId(), member.id(), details, details.roles(),
                            version, kinds, clock.instant()))), MemberDocument.class);
            if (written.getModifiedCount() == 1) {
                relay.flush(Members.COLLECTION, member.id());
                seeded++;
            }
        }
        return seeded;
    }
}
