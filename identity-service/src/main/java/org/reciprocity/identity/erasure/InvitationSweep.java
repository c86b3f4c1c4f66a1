package org.reciprocity.identity.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.RecentErasures;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends again, every {@code reciprocity.erasure.details-sweep} (default 1 h), the
 * {@link InvitationWithdrawn} of each member whose erasure identity confirmed in the last
 * {@link RecentErasures#RECENT 2 days}, as the ledger's details sweep does and for the same reason
 * ({@link RecentErasures}): invitations are rare, so without it the segment holding the member's
 * {@code MemberInvited} (their e-mail) could stay open and uncleaned for its seven days.
 *
 * <p>Through the {@code erasures} document's outbox, only onto a confirmation still recent when written.
 * Ids only, and consumers ignore it, so two instances sweeping in the same hour only append one more
 * harmless record.
 */
@Component
public class InvitationSweep {

    private static final LogAccessor LOG = new LogAccessor(InvitationSweep.class);
    private static final RecentErasures CONFIRMED = new RecentErasures(ErasureConfirmations.COLLECTION, "confirmedAt",
            null, InvitationSweep::withdrawal, "timebankId", "memberId");

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
        return CONFIRMED.appendAgain(mongo, relay, clock.instant());
    }

    private static DomainEvent withdrawal(Document erasure, Instant now) {
        return new InvitationWithdrawn(UUID.randomUUID(), now, erasure.getString("timebankId"),
                erasure.getString("memberId"));
    }
}
