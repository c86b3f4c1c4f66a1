package org.reciprocity.identity.erasure;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.identity.account.Accounts;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Identity's erasure of a member ({@code MemberErased} on the members topic, identity's first
 * consumer): every document {@link PersonalData} finds is deleted, the account last, so the person
 * can no longer sign in (tokens already issued end with their short lifetime, and the portal checks
 * the account at once); then the kit's parked payloads and kept answers naming them; then, last, the
 * confirmation ({@code ErasureConfirmed} from the {@code erasures} outbox, once), with an
 * {@link InvitationWithdrawn} in the same outbox: it replaces the member's {@code MemberInvited} (their
 * e-mail and welcome link) on the compacted invitations topic ({@link InvitationSweep} appends it again
 * so the log cleaner gets to it). Sent for every erased member, not only those whose account or welcome
 * token was found: after a crash that deleted the account the repeat finds nothing, and an invitation
 * may outlive its account on the topic for its seven days; to anyone else it is an id-only record. Each step is a
 * delete by {@code _id}, repeatable, so a crash anywhere repeats them when the event comes again,
 * and a redelivered event is applied once ({@code processed_events}).
 */
@Component
public class ErasureConsumer {

    static final String CONSUMER = "identity.erasure";
    public static final String SERVICE = "identity-service";

    private final MongoTemplate mongo;
    private final PersonalData personalData;
    private final KitErasure kit;
    private final ErasureConfirmations confirmations;
    private final ProcessedEvents processed;
    private final OutboxRelay relay;
    private final Clock clock;

    ErasureConsumer(MongoTemplate mongo, PersonalData personalData, Clock clock, OutboxRelay relay) {
        this.relay = relay;
        this.clock = clock;
        this.mongo = mongo;
        this.personalData = personalData;
        this.kit = new KitErasure(mongo);
        this.confirmations = new ErasureConfirmations(mongo, SERVICE, clock);
        this.processed = new ProcessedEvents(mongo, clock);
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberErased erased) {
            processed.applyOnce(CONSUMER, erased, () -> erase(erased.timebankId(), erased.memberId()));
        }
    }

    void erase(String timebankId, String memberId) {
        Map<String, List<Document>> held = personalData.find(timebankId, memberId);
        held.forEach((collection, documents) -> {
            if (!collection.equals(Accounts.COLLECTION)) {
                documents.forEach(d -> mongo.getCollection(collection).deleteOne(eq("_id", d.get("_id"))));
            }
        });
        held.get(Accounts.COLLECTION).forEach(d -> mongo.getCollection(Accounts.COLLECTION).deleteOne(eq("_id", d.get("_id"))));
        List<String> collections = new ArrayList<>(PersonalData.COLLECTIONS);
        collections.addAll(kit.forget(memberId));
        InvitationWithdrawn withdrawn = new InvitationWithdrawn(UUID.randomUUID(), clock.instant(), timebankId, memberId);
        if (confirmations.confirm(timebankId, memberId, collections, List.of(withdrawn))) {
            // published now rather than at the relay's next scan (the kit's document id: <timebank>/<member>)
            relay.flush(ErasureConfirmations.COLLECTION, ErasureConfirmations.id(timebankId, memberId));
        }
    }
}
