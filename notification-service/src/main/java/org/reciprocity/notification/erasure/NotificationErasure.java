package org.reciprocity.notification.erasure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18: notification forgets an erased member when {@code MemberErased} arrives (docs/personal-data.md
 * 3.1). Each {@link Step} is a delete or a conditional update keyed by the member, found by
 * {@link PersonalData}: doing it again finds nothing left to change. The confirmation goes LAST, and
 * once ({@link ErasureConfirmations} inserts it under a unique id): so an event heard twice confirms
 * once, and a crash between steps repeats them all when the event comes again, then confirms once.
 */
@Component
public class NotificationErasure {

    private static final String CONSUMER = "notification.erasure";

    /** What the confirmation says this service changed or checked. */
    static final List<String> COLLECTIONS = List.of(PersonalData.RECIPIENTS, PersonalData.TIMEBANKS,
            PersonalData.TIMEBANK_CONTACTS, PersonalData.PREFERENCES, PersonalData.EMAIL_CONSENTS, PersonalData.INBOX_ITEMS,
            PersonalData.INBOX_REQUESTS, PersonalData.MONTHLY_ACTIVITY, PersonalData.DELIVERIES, ReadLog.COLLECTION,
            KitErasure.PARKED, KitErasure.IDEMPOTENCY);

    private final MongoTemplate mongo;
    private final PersonalData personalData;
    private final Recipients recipients;
    private final ErasureConfirmations confirmations;
    private final KitErasure kit;
    private final OutboxRelay relay;

    NotificationErasure(MongoTemplate mongo, PersonalData personalData, Recipients recipients, Clock clock,
            OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.personalData = personalData;
        this.recipients = recipients;
        this.confirmations = new ErasureConfirmations(mongo, Topics.NOTIFICATION, clock);
        this.kit = new KitErasure(mongo);
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberErased erased) {
            erase(erased.timebankId(), erased.memberId());
        }
    }

    /** Every step, then the confirmation; true when this call confirmed (false: confirmed before). */
    public boolean erase(String timebankId, String memberId) {
        for (Step step : steps(timebankId, memberId)) {
            step.action().run();
        }
        boolean confirmed = confirmations.confirm(timebankId, memberId, COLLECTIONS);
        // published now rather than at the relay's next scan; one left unpublished by a crash is sent again here
        relay.flush(ErasureConfirmations.COLLECTION, timebankId + "/" + memberId);
        return confirmed;
    }

    /** One repeatable step of the erasure: what it changes, and how. */
    public record Step(String collection, Runnable action) {
    }

    /**
     * The steps in order. The recipient goes first: from then on no message reaches the member and
     * their name is said nowhere (a timebank contact naming them is cleared in the same step, see
     * {@link ContactErasure}).
     */
    public List<Step> steps(String timebankId, String memberId) {
        Map<String, Query> owned = personalData.owned(timebankId, memberId);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(PersonalData.RECIPIENTS, () -> recipients.erase(timebankId, memberId)));
        for (String collection : List.of(PersonalData.PREFERENCES, PersonalData.EMAIL_CONSENTS, PersonalData.INBOX_ITEMS,
                PersonalData.MONTHLY_ACTIVITY, PersonalData.DELIVERIES, ReadLog.COLLECTION)) {
            steps.add(new Step(collection, () -> mongo.remove(owned.get(collection), collection)));
        }
        steps.add(new Step(PersonalData.INBOX_REQUESTS, () -> forgetRequests(memberId)));
        for (String collection : PersonalData.MESSAGES.keySet()) {
            steps.add(new Step(collection, () -> takeOutOfOthersMessages(collection, timebankId, memberId)));
        }
        steps.add(new Step(KitErasure.PARKED, () -> kit.forget(memberId)));
        return steps;
    }

    /** The member's items leave the notes of requests to confirm; a note left empty goes. */
    private void forgetRequests(String memberId) {
        for (Document requests : mongo.find(PersonalData.requestsOf(memberId), Document.class, PersonalData.INBOX_REQUESTS)) {
            List<String> theirs = requests.getList("items", String.class, List.of()).stream()
                    .filter(item -> PersonalData.itemOf(memberId).matcher(item).find()).toList();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(requests.get("_id"))),
                    new Update().pullAll("items", theirs.toArray()), PersonalData.INBOX_REQUESTS);
        }
        mongo.remove(Query.query(Criteria.where("items").size(0)), PersonalData.INBOX_REQUESTS);
    }

    /** In others' messages the member becomes "a former member", and old free text (which may quote them) goes. */
    private void takeOutOfOthersMessages(String collection, String timebankId, String memberId) {
        for (Document message : personalData.mentioning(collection, timebankId, memberId)) {
            Map<String, String> params = Notices.withoutMember(PersonalData.params(message), memberId);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(message.get("_id"))),
                    new Update().set("params", new Document(params)), collection);
        }
    }
}
