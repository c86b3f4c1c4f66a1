package org.reciprocity.matching.erasure;

import java.time.Clock;
import java.util.List;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.erasure.KitErasure;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Issue 18 (docs/personal-data.md 3.1): matching forgets an erased member. Started by
 * {@code MemberErased} on the members topic or by the member's details record saying "erased",
 * whichever comes first. Each step is a conditional update or delete keyed by the member's id
 * ({@link PersonalData} finds what each touches), so doing it again changes nothing; the
 * confirmation is inserted last, once. A crash between two steps therefore ends, when the event
 * comes again, with every step done and one {@code ErasureConfirmed}.
 */
@Component
class MatchingErasure {

    static final String SERVICE = "matching-service";
    private static final String MEMBERS_CONSUMER = "matching.erasure";
    private static final String DETAILS_CONSUMER = "matching.erasure-details";
    /** What the confirmation says was changed or checked. */
    static final List<String> COLLECTIONS = List.of(PersonalData.PROFILES, PersonalData.LISTINGS, PersonalData.MATCHES,
            PersonalData.PLANS, PersonalData.READS, KitErasure.PARKED, KitErasure.IDEMPOTENCY);
    private static final Logger log = LoggerFactory.getLogger(MatchingErasure.class);

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;
    private final Profiles profiles;
    private final Listings listings;
    private final Matches matches;
    private final ErasureConfirmations confirmations;
    private final KitErasure kit;
    private final OutboxRelay relay;

    MatchingErasure(MongoTemplate mongo, ProcessedEvents processed, Profiles profiles, Listings listings,
                    Matches matches, OutboxRelay relay, Clock clock) {
        this.relay = relay;
        this.mongo = mongo;
        this.processed = processed;
        this.profiles = profiles;
        this.listings = listings;
        this.matches = matches;
        this.confirmations = new ErasureConfirmations(mongo, SERVICE, clock);
        this.kit = new KitErasure(mongo);
    }

    @KafkaListener(id = MEMBERS_CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void onMember(DomainEvent event) {
        if (event instanceof MemberErased erased) {
            processed.applyOnce(MEMBERS_CONSUMER, event,
                    () -> erase(erased.timebankId(), erased.memberId(), erased.erasedBy()));
        }
    }

    @KafkaListener(id = DETAILS_CONSUMER, topics = Topics.MEMBER_DETAILS_TOPIC)
    void onDetails(DomainEvent event) {
        if (event instanceof MemberDetailsRecorded details && details.erased()) {
            // no one is named as having erased them here: the listings' withdrawals say the member
            processed.applyOnce(DETAILS_CONSUMER, event,
                    () -> erase(details.timebankId(), details.memberId(), details.memberId()));
        }
    }

    /** Every step, then the confirmation; nothing to do once confirmed. */
    void erase(String timebankId, String memberId, String by) {
        if (confirmations.confirmed(timebankId, memberId)) {
            return;
        }
        profile(timebankId, memberId);
        listings(timebankId, memberId, by);
        matches(timebankId, memberId);
        plans(timebankId, memberId);
        reads(timebankId, memberId);
        kit.forget(memberId);
        if (confirmations.confirm(timebankId, memberId, COLLECTIONS)) {
            log.info("matching forgot member {} of timebank {}", memberId, timebankId);
        }
        // the confirmation waits in its document's outbox (id: timebank/member); the sweep would publish it too
        relay.flush(ErasureConfirmations.COLLECTION, timebankId + "/" + memberId);
    }

    /** The profile becomes {@code {_id, timebankId, erased: true}}: nothing else, and nothing comes back. */
    void profile(String timebankId, String memberId) {
        profiles.forget(timebankId, memberId);
    }

    /** Live listings withdrawn (their events published as any withdrawal), then all of them removed. */
    void listings(String timebankId, String memberId, String by) {
        listings.erase(PersonalData.listings(timebankId, memberId), by);
    }

    /**
     * Open matches are cancelled as "member left" (the other side is told as by any cancellation); then
     * every match keeps ids, states and minutes (the ledger and the other member's history) and the
     * activity goes.
     */
    void matches(String timebankId, String memberId) {
        int cancelled = matches.closeFor(PersonalData.matches(timebankId, memberId), memberId);
        if (cancelled > 0) {
            log.info("{} open match(es) of erased member {} cancelled", cancelled, memberId);
        }
        matches.erase(PersonalData.matches(timebankId, memberId));
    }

    /** Proposals naming the member are taken out of every plan (plans store ids only, names are looked up). */
    void plans(String timebankId, String memberId) {
        Query naming = Query.query(PersonalData.plans(timebankId, memberId));
        mongo.updateMulti(naming, new Update().pull("proposals", new org.bson.Document("giverId", memberId)),
                PersonalData.PLANS);
        mongo.updateMulti(naming, new Update().pull("proposals", new org.bson.Document("receiverId", memberId)),
                PersonalData.PLANS);
    }

    /** The member's "who looked" list (the looks of others at their data) goes with them. */
    void reads(String timebankId, String memberId) {
        mongo.remove(Query.query(PersonalData.reads(timebankId, memberId)), PersonalData.READS);
    }

    /** Whether this service confirmed it forgot the member. */
    boolean confirmed(String timebankId, String memberId) {
        return confirmations.confirmed(timebankId, memberId);
    }
}
