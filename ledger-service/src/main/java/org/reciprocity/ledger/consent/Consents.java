package org.reciprocity.ledger.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.member.Members;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Records a member's consents with when, how and by whom, and tells the other services on the
 * personal-data topic through the outbox of the member's consents document. The ledger's own rule
 * (a supporter logging for the member) reads the document directly, so a withdrawal refuses the
 * very next attempt.
 */
@Service
public class Consents {

    static final String COLLECTION = "consents";
    /** Tries of a change that keeps meeting another change of the same member's consents. */
    private static final int TRIES = 5;

    private final MongoTemplate mongo;
    private final Members members;
    private final OutboxRelay relay;
    private final Clock clock;

    Consents(MongoTemplate mongo, Members members, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.relay = relay;
        this.clock = clock;
    }

    /** The member's consents; a member of another timebank is "not found". */
    ConsentHistory of(String timebankId, String memberId) {
        members.require(timebankId, memberId);
        return history(memberId);
    }

    /**
     * Gives or withdraws one consent. Saving what is already so changes nothing and publishes
     * nothing; otherwise the change, the next version and its event are one conditional update.
     */
    ConsentHistory record(String timebankId, String memberId, Consent consent, boolean given, ConsentHow how,
                          String by) {
        return record(timebankId, memberId, consent, given, how, by, clock.instant());
    }

    /** As above, at a moment the change happened elsewhere (the member clicked the link in an e-mail). */
    ConsentHistory record(String timebankId, String memberId, Consent consent, boolean given, ConsentHow how,
                          String by, Instant at) {
        members.require(timebankId, memberId);
        for (int i = 0; i < TRIES; i++) {
            ConsentsDocument stored = mongo.findById(memberId, ConsentsDocument.class);
            ConsentHistory history = stored == null ? ConsentHistory.empty() : stored.toHistory();
            var change = history.change(consent, given, how, by, at);
            if (change.isEmpty()) {
                return history;
            }
            long version = history.version() + 1;
            DomainEvent event = given
                    ? new ConsentGiven(UUID.randomUUID(), change.get().at(), timebankId, memberId, consent, how, by, version)
                    : new ConsentWithdrawn(UUID.randomUUID(), change.get().at(), timebankId, memberId, consent, how, by,
                    version);
            Update update = new Update().set("timebankId", timebankId).set("version", version)
                    .push("history", change.get()).push("outbox", OutboxEntry.of(event));
            if (write(memberId, stored, update)) {
                relay.flush(COLLECTION, memberId);
                return history.with(change.get());
            }
        }
        throw ApiException.of(ConsentRefusal.CONSENTS_CHANGED_MEANWHILE);
    }

    private boolean write(String memberId, ConsentsDocument stored, Update update) {
        if (stored == null) {
            try {
                return mongo.upsert(Query.query(Criteria.where("_id").is(memberId).and("version").exists(false)), update,
                        COLLECTION).getUpsertedId() != null;
            } catch (DuplicateKeyException firstWrittenMeanwhile) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("version").is(stored.version())),
                update, COLLECTION).getModifiedCount() == 1;
    }

    /** Whether the member withdrew this consent (not merely never gave it). */
    public boolean isWithdrawn(String timebankId, String memberId, Consent consent) {
        return history(timebankId, memberId).isWithdrawn(consent);
    }

    public boolean isGiven(String timebankId, String memberId, Consent consent) {
        return history(timebankId, memberId).isGiven(consent);
    }

    /**
     * A supporter logs for the member: refused once the member withdrew their consent, in words the
     * supporter understands, whatever the request says the member agreed to.
     */
    public void requireSupporterMayLog(String timebankId, String memberId) {
        if (isWithdrawn(timebankId, memberId, Consent.SUPPORTER_MAY_LOG)) {
            throw ApiException.of(ConsentRefusal.SUPPORTER_NOT_ALLOWED);
        }
    }

    private ConsentHistory history(String timebankId, String memberId) {
        ConsentsDocument stored = mongo.findById(memberId, ConsentsDocument.class);
        return stored == null || !timebankId.equals(stored.timebankId()) ? ConsentHistory.empty() : stored.toHistory();
    }

    private ConsentHistory history(String memberId) {
        ConsentsDocument stored = mongo.findById(memberId, ConsentsDocument.class);
        return stored == null ? ConsentHistory.empty() : stored.toHistory();
    }
}
