package org.reciprocity.notification.preference;

import java.time.Clock;
import java.util.UUID;

import com.mongodb.client.result.UpdateResult;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentGiven;
import org.reciprocity.contracts.consent.ConsentWithdrawn;
import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.kit.messaging.NewerVersion;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: notification hears the member's consent EMAIL_ME on the personal-data topic. While it is
 * withdrawn no e-mail goes to them, whatever their channel choices say (the inbox stays); see
 * {@link PreferenceStore#emailWithdrawn}. Kept apart from the preferences document, which the
 * preferences page saves whole: a consent heard meanwhile is never overwritten by an older page.
 * Once per event, and the newest version of the member's consent history wins.
 *
 * <p>The one-click unsubscribe link withdraws it here at once (no e-mail from the next moment, queued
 * ones cancelled by the {@code Dispatcher}) and tells the ledger, which keeps consents, through the
 * outbox of this same document ({@link EmailUnsubscribed}); the ledger records the withdrawal as the
 * member's consents page would, and its {@code ConsentWithdrawn} comes back here with a version.
 */
@Component
class EmailConsent {

    static final String COLLECTION = "email_consents";
    private static final String CONSUMER = "notification.consents";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;
    private final PreferenceStore preferences;
    private final OutboxRelay relay;
    private final Clock clock;

    EmailConsent(MongoTemplate mongo, ProcessedEvents processed, PreferenceStore preferences, OutboxRelay relay,
                 Clock clock) {
        this.mongo = mongo;
        this.processed = processed;
        this.preferences = preferences;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * The member followed the unsubscribe link: withdrawn from now on, and the ledger told, in one
     * conditional write. Already withdrawn (a second click, a mail program's POST after the member's):
     * nothing written, nobody told. The version is left to the ledger's event, which comes back here.
     *
     * @return whether this call withdrew it
     */
    boolean withdrawByLink(String timebankId, String memberId) {
        EmailUnsubscribed told = new EmailUnsubscribed(UUID.randomUUID(), clock.instant(), timebankId, memberId);
        Update update = new Update().set("timebankId", timebankId).set("given", false)
                .push("outbox", OutboxEntry.of(told));
        boolean withdrew;
        try {
            UpdateResult result = mongo.upsert(Query.query(Criteria.where("_id").is(memberId).and("given").ne(false)),
                    update, COLLECTION);
            withdrew = result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyWithdrawn) {
            withdrew = false;
        }
        preferences.evict(memberId);
        if (withdrew) {
            relay.flush(COLLECTION, memberId);
        }
        return withdrew;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.PERSONAL_DATA_TOPIC)
    void onPersonalData(DomainEvent event) {
        if (event instanceof ConsentGiven given && given.consent() == Consent.EMAIL_ME) {
            processed.applyOnce(CONSUMER, event, () -> record(given.timebankId(), given.memberId(), true, given.version()));
        } else if (event instanceof ConsentWithdrawn withdrawn && withdrawn.consent() == Consent.EMAIL_ME) {
            processed.applyOnce(CONSUMER, event, () -> record(withdrawn.timebankId(), withdrawn.memberId(), false,
                    withdrawn.version()));
        }
    }

    private void record(String timebankId, String memberId, boolean given, long version) {
        NewerVersion.apply(mongo, COLLECTION, memberId, "version", version,
                new Update().set("timebankId", timebankId).set("given", given));
        preferences.evict(memberId);
    }
}
