package org.reciprocity.matching.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.contracts.profile.MemberResumed;
import org.reciprocity.kit.messaging.NewerVersion;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.ReplaceOptions;
/**
 * Keeps matching profiles in step with the ledger's member and transfer events and with what
 * members add themselves. MongoDB is the truth; an in-memory copy of every profile serves the
 * suggestions and the planner, which read thousands of profiles per request. This instance
 * updates its copy on every write it makes; a periodic reload picks up other instances' writes.
 */
@Service
public class Profiles {

    static final String COLLECTION = "profiles";
    /** Contribution transfers counted as time given and received, by transfer id: what a reversal takes back. */
    static final String COUNTED_TRANSFERS = "counted_transfers";
    private static final String MEMBERS_CONSUMER = "matching.profiles";
    private static final String LEDGER_CONSUMER = "matching.balances";
    private static final String DETAILS_CONSUMER = "matching.details";
    /** The version of the member's details held (MemberDetailsRecorded's). */
    static final String DETAILS_VERSION = "detailsVersion";
    /** The version of the member's consent history that last set {@code accessibilityConsent}. */
    static final String ACCESSIBILITY_CONSENT_VERSION = "accessibilityConsentVersion";
    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Profile> cache = new ConcurrentHashMap<>();

    Profiles(MongoTemplate mongo, ProcessedEvents processed, OutboxRelay relay, ApplicationEventPublisher events,
             Clock clock) {
        this.mongo = mongo;
        this.processed = processed;
        this.relay = relay;
        this.events = events;
        this.clock = clock;
        reload();
    }

    @KafkaListener(id = MEMBERS_CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void onMember(DomainEvent event) {
        if (event instanceof MemberRegistered registered) {
            // Issue 18: only the registration's facts (when, which timebank). The name, kind and language
            // come from the details topic alone (onDetails), whichever of the two topics is heard first.
            processed.applyOnce(MEMBERS_CONSUMER, event, () -> upsert(registered.memberId(), new Update()
                    .set("timebankId", registered.timebankId()).set("registeredAt", registered.occurredAt())));
        } else if (event instanceof MemberSuspended suspended) {
            processed.applyOnce(MEMBERS_CONSUMER, event, () -> {
                upsert(suspended.memberId(), new Update().set("timebankId", suspended.timebankId()).set("suspended", true));
                events.publishEvent(new ProfileChanged(suspended.memberId()));
            });
        } else if (event instanceof MemberReactivated reactivated) {
            processed.applyOnce(MEMBERS_CONSUMER, event, () -> {
                upsert(reactivated.memberId(), new Update().set("timebankId", reactivated.timebankId()).set("suspended", false));
                events.publishEvent(new ProfileChanged(reactivated.memberId()));
            });
        }
    }

    /**
     * Issue 18: a member's name, kind and language, from the compacted details topic only. The record
     * with the highest version wins, in one conditional upsert, so a late or repeated record never brings
     * back an older name; an erased profile takes nothing any more. A record saying "erased" is the
     * erasure's ({@code erasure/MatchingErasure}), which forgets everything of the member.
     */
    @KafkaListener(id = DETAILS_CONSUMER, topics = Topics.MEMBER_DETAILS_TOPIC)
    void onDetails(DomainEvent event) {
        if (event instanceof MemberDetailsRecorded details && !details.erased()) {
            processed.applyOnce(DETAILS_CONSUMER, event, () -> {
                if (newerDetails(details.memberId(), details.version(), new Update()
                        .set("timebankId", details.timebankId()).set("kind", details.kind())
                        .set("displayName", details.displayName()).set("language", details.language()))) {
                    refresh(details.memberId());
                    events.publishEvent(new ProfileChanged(details.memberId()));
                }
            });
        }
    }

    /**
     * Applies the details when their version is newer than the one held and the profile is not erased.
     * {@link NewerVersion}'s rule, plus the erased guard: after an erasure no record brings a name back.
     */
    private boolean newerDetails(String memberId, long version, Update update) {
        Query olderOrNone = Query.query(Criteria.where("_id").is(memberId).and("erased").ne(true)
                .orOperator(Criteria.where(DETAILS_VERSION).exists(false),
                        Criteria.where(DETAILS_VERSION).lt(version)));
        try {
            var result = mongo.upsert(olderOrNone, update.set(DETAILS_VERSION, version), COLLECTION);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException newerOrErased) {
            return false;
        }
    }

    /**
     * Issue 18: the member was erased. What is left of the profile is its id, timebank and the mark,
     * so no later record (details, consent, transfer) can bring anything back. Repeatable.
     */
    public void forget(String timebankId, String memberId) {
        org.bson.Document tombstone = new org.bson.Document("_id", memberId).append("timebankId", timebankId)
                .append("erased", true);
        mongo.getCollection(COLLECTION).replaceOne(new org.bson.Document("_id", memberId), tombstone,
                new ReplaceOptions().upsert(true));
        refresh(memberId);
        events.publishEvent(new ProfileChanged(memberId));
    }

    /**
     * Time given and received counts only time spent together: a transfer settling a validated
     * contribution (credit is the giver, debit the receiver). A redemption (hours spent on an
     * organisation's offer) and a gift (hours passed on) move balances but are not time given or
     * received, so they are not counted. A reversal takes back what the transfer it reverses
     * counted, and nothing when that transfer was not counted; the counted transfers are kept by id
     * for this (a timebank's transfers arrive in ledger order, so a reversal comes after its transfer).
     */
    @KafkaListener(id = LEDGER_CONSUMER, topics = Topics.LEDGER_TOPIC)
    void onLedger(DomainEvent event) {
        if (event instanceof TransferPosted transfer) {
            processed.applyOnce(LEDGER_CONSUMER, event, () -> count(transfer));
        }
    }

    private void count(TransferPosted transfer) {
        if (transfer.reason() == TransferReason.CONTRIBUTION) {
            mongo.save(new org.bson.Document("_id", transfer.transferId()).append("timebankId", transfer.timebankId())
                    .append("giverId", transfer.creditAccountId()).append("receiverId", transfer.debitAccountId())
                    .append("minutes", transfer.minutes()), COUNTED_TRANSFERS);
            add(transfer.timebankId(), transfer.creditAccountId(), transfer.debitAccountId(), transfer.minutes());
        } else if (transfer.reason() == TransferReason.REVERSAL && transfer.reversesTransferId() != null) {
            org.bson.Document counted = mongo.findById(transfer.reversesTransferId(), org.bson.Document.class,
                    COUNTED_TRANSFERS);
            if (counted != null) {
                add(transfer.timebankId(), counted.getString("giverId"), counted.getString("receiverId"),
                        -transfer.minutes());
            }
        }
    }

    private void add(String timebankId, String giver, String receiver, long minutes) {
        upsert(giver, new Update().set("timebankId", timebankId).inc("givenMinutes", minutes));
        upsert(receiver, new Update().set("timebankId", timebankId).inc("receivedMinutes", minutes));
    }

    /** The member replaces what they added to their profile. */
    Profile updateDetails(String timebankId, String memberId, ProfileDetails details) {
        require(timebankId, memberId);
        mongo.updateFirst(byId(memberId), new Update().set("skills", details.skills()).set("tags", details.tags())
                .set("languages", details.languages())
                .set("availability", details.availability().stream().map(Object::toString).collect(Collectors.toSet()))
                .set("district", details.district()).set("modes", details.modes())
                .set("accessibilityNeeds", details.accessibilityNeeds())
                .set("sharedWithMembers", details.sharedWithMembers()), COLLECTION);
        Profile profile = refresh(memberId);
        // the board's time-of-day filter follows the availability the member shares
        events.publishEvent(new ProfileChanged(memberId));
        return profile;
    }

    /**
     * Issue 18: the member's consent to show their accessibility needs to matched members, as the
     * ledger published it. Kept with the version of the member's consent history that set it, so a
     * late or repeated event never undoes a newer answer.
     */
    void showAccessibility(String timebankId, String memberId, boolean given, long version) {
        if (!erased(memberId) && NewerVersion.apply(mongo, COLLECTION, memberId, ACCESSIBILITY_CONSENT_VERSION, version,
                new Update().set("timebankId", timebankId).set("accessibilityConsent", given))) {
            refresh(memberId);
            events.publishEvent(new ProfileChanged(memberId));
        }
    }

    /** Pausing is without penalty: listings leave the board and no one is proposed to the member until they resume. */
    Profile pause(String timebankId, String memberId) {
        require(timebankId, memberId);
        MemberPaused paused = new MemberPaused(UUID.randomUUID(), Instant.now(clock), timebankId, memberId);
        return switchPause(memberId, true, OutboxEntry.of(paused), MatchingRefusal.ALREADY_PAUSED);
    }

    Profile resume(String timebankId, String memberId) {
        require(timebankId, memberId);
        MemberResumed resumed = new MemberResumed(UUID.randomUUID(), Instant.now(clock), timebankId, memberId);
        return switchPause(memberId, false, OutboxEntry.of(resumed), MatchingRefusal.NOT_PAUSED);
    }

    /** Conditional on the current state, so two clicks (or two instances) publish one event. */
    private Profile switchPause(String memberId, boolean paused, OutboxEntry event, MatchingRefusal alreadyThere) {
        Query notYet = Query.query(Criteria.where("_id").is(memberId).and("paused").ne(paused));
        if (mongo.updateFirst(notYet, new Update().set("paused", paused).push("outbox", event), COLLECTION)
                .getModifiedCount() == 0) {
            throw new Refused(alreadyThere);
        }
        relay.flush(COLLECTION, memberId);
        Profile profile = refresh(memberId);
        events.publishEvent(new ProfileChanged(memberId));
        return profile;
    }

    /** A coordinator vouches (or stops vouching) that the member passed the safeguarding check. */
    Profile verify(String timebankId, String memberId, boolean verified, String coordinatorId) {
        require(timebankId, memberId);
        mongo.updateFirst(byId(memberId), new Update().set("verified", verified).set("verifiedBy", coordinatorId),
                COLLECTION);
        return refresh(memberId);
    }

    /** The profile, if the member belongs to this timebank. */
    public Optional<Profile> find(String timebankId, String memberId) {
        return Optional.ofNullable(cache.get(memberId)).filter(p -> p.timebankId() != null && p.timebankId().equals(timebankId))
                .filter(Profile::isMember);
    }

    /** The member's profile read from the database, for decisions that must not rest on a stale copy. */
    public Optional<Profile> findFresh(String timebankId, String memberId) {
        return Optional.ofNullable(refresh(memberId)).filter(p -> timebankId.equals(p.timebankId())).filter(Profile::isMember);
    }

    public Profile require(String timebankId, String memberId) {
        return find(timebankId, memberId)
                .orElseThrow(() -> ApiException.notFound("matching profile", memberId));
    }

    /** Every cached profile of a timebank. */
    public List<Profile> inTimebank(String timebankId) {
        return cache.values().stream().filter(p -> timebankId.equals(p.timebankId())).filter(Profile::isMember).toList();
    }

    public Collection<Profile> all() {
        return cache.values();
    }

    /** Re-reads every profile; picks up what other instances wrote. */
    @Scheduled(fixedDelayString = "${reciprocity.matching.board-refresh:5m}", initialDelayString = "${reciprocity.matching.board-refresh:5m}")
    public void reload() {
        Query all = new Query();
        all.fields().exclude("outbox");
        Map<String, Profile> fresh = mongo.find(all, ProfileDocument.class, COLLECTION).stream()
                .map(ProfileDocument::toProfile).collect(Collectors.toMap(Profile::memberId, p -> p));
        cache.putAll(fresh);
        log.info("{} profiles loaded", fresh.size());
    }

    /** Whether the member was erased: what is left of them takes nothing new. */
    public boolean erased(String memberId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(memberId).and("erased").is(true)), COLLECTION);
    }

    /** An upsert that leaves an erased profile as it is (a late transfer or suspension adds nothing back). */
    private void upsert(String memberId, Update update) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(memberId).and("erased").ne(true)), update, COLLECTION);
        } catch (DuplicateKeyException erased) {
            // the profile is erased: nothing is added back
        }
        refresh(memberId);
    }

    private Profile refresh(String memberId) {
        ProfileDocument document = mongo.findById(memberId, ProfileDocument.class, COLLECTION);
        if (document == null) {
            cache.remove(memberId);
            return null;
        }
        Profile profile = document.toProfile();
        cache.put(memberId, profile);
        return profile;
    }

    private static Query byId(String memberId) {
        return Query.query(Criteria.where("_id").is(memberId));
    }

}
