package org.reciprocity.notification.recipient;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.contracts.profile.MemberResumed;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.kit.messaging.NewerVersion;
import org.reciprocity.notification.support.LookupCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * Keeps who notifications can reach in step with the member, member-details, profile and timebank
 * events. Every change is a {@code $set} (or {@code $addToSet}) upsert by id, so re-applying an event, or
 * a whole partition replayed in order, ends in the same state: no processed-event log is needed here.
 * Events of different topics may arrive in any order; an upsert from any of them creates the document.
 *
 * <p>Issue 18: a member's name, e-mail, language and roles come from {@link MemberDetailsRecorded} on
 * the details topic only, whole and with a version: written only by a newer version, so a late or
 * repeated record keeps the newest. {@code MemberRegistered} and {@code MemberDetailsChanged} carry none
 * of them any more (and what old records carry is not read). The welcome waits for both the
 * registration and the details ({@link WelcomeDue}), and goes once. A record saying the member was
 * erased leaves ids only, for good ({@link #erase}).
 */
@Service
public class Recipients {

    private static final String CONSUMER = "notification.recipients";
    private static final String COLLECTION = "recipients";
    /** The version of the member's details held (MemberDetailsRecorded's). */
    static final String DETAILS_VERSION = "recordedVersion";
    /** An erased member's version: no record, older or newer, writes details again. */
    static final long ERASED = Long.MAX_VALUE;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final LookupCache<Recipient> recipientCache;
    private final LookupCache<Timebank> timebankCache;

    Recipients(MongoTemplate mongo, ApplicationEventPublisher events,
            @Value("${reciprocity.notification.lookup-cache-ttl:1s}") Duration cacheTtl) {
        this.mongo = mongo;
        this.events = events;
        this.recipientCache = new LookupCache<>(cacheTtl);
        this.timebankCache = new LookupCache<>(cacheTtl);
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.MEMBERS_TOPIC, Topics.MEMBER_DETAILS_TOPIC, Topics.PROFILES_TOPIC,
            Topics.TIMEBANKS_TOPIC})
    void on(DomainEvent event) {
        // Java 17: no pattern matching in switch yet. MemberDetailsChanged says only that details changed:
        // the new ones come as a MemberDetailsRecorded.
        if (event instanceof MemberRegistered e) {
            registered(e);
        } else if (event instanceof MemberDetailsRecorded e) {
            if (e.erased()) {
                erase(e.timebankId(), e.memberId());
            } else {
                recorded(e);
            }
        } else if (event instanceof MemberSuspended e) {
            setFlag(e.memberId(), e.timebankId(), "suspended", true);
        } else if (event instanceof MemberReactivated e) {
            setFlag(e.memberId(), e.timebankId(), "suspended", false);
        } else if (event instanceof MemberPaused e) {
            setFlag(e.memberId(), e.timebankId(), "paused", true);
        } else if (event instanceof MemberResumed e) {
            setFlag(e.memberId(), e.timebankId(), "paused", false);
        } else if (event instanceof TimebankOpened e) {
            mongo.upsert(byId(e.timebankId()), new Update().set("name", e.name()).set("zoneId", e.zoneId()),
                    TimebankDocument.class);
            timebankCache.evict(e.timebankId());
        }
    }

    /** The registration is kept (its id and time) for the welcome, which goes once the details are here too. */
    private void registered(MemberRegistered e) {
        Query notYet = Query.query(Criteria.where("_id").is(e.memberId()).and("registeredEventId").exists(false));
        try {
            mongo.upsert(notYet, new Update().set("registeredEventId", e.eventId().toString())
                    .set("registeredAt", e.occurredAt()).setOnInsert("timebankId", e.timebankId()), COLLECTION);
        } catch (DuplicateKeyException alreadyRegistered) {
            // the document exists with its registration: heard before
        }
        recipientCache.evict(e.memberId());
        welcomeIfDue(e.memberId());
    }

    /** The member's details as they now are, if newer than those held; a coordinator role lists them as one. */
    private void recorded(MemberDetailsRecorded e) {
        boolean newer = NewerVersion.apply(mongo, COLLECTION, e.memberId(), DETAILS_VERSION, e.version(), new Update()
                .set("timebankId", e.timebankId()).set("displayName", e.displayName()).set("email", e.email())
                .set("language", e.language()).set("roles", e.roles()));
        recipientCache.evict(e.memberId());
        if (newer) {
            Update coordinators = e.roles().contains("COORDINATOR") ? new Update().addToSet("coordinators", e.memberId())
                    : new Update().pull("coordinators", e.memberId());
            mongo.upsert(byId(e.timebankId()), coordinators, TimebankDocument.class);
            timebankCache.evict(e.timebankId());
        }
        welcomeIfDue(e.memberId());
    }

    /**
     * Sends the welcome when the registration and the details are both here and it has not gone yet.
     * Called after each of the two writes, so whichever comes last sees both; the welcome's delivery keys
     * are the registration's, so a repeat after a crash adds nothing.
     */
    private void welcomeIfDue(String memberId) {
        Document stored = mongo.findById(memberId, Document.class, COLLECTION);
        if (stored == null || stored.get("registeredEventId") == null || stored.get("displayName") == null
                || Boolean.TRUE.equals(stored.get("erased")) || Boolean.TRUE.equals(stored.get("welcomed"))) {
            return;
        }
        Object at = stored.get("registeredAt");
        events.publishEvent(new WelcomeDue(stored.getString("timebankId"), memberId, stored.getString("registeredEventId"),
                at instanceof java.util.Date date ? date.toInstant() : null));
        mongo.updateFirst(byId(memberId), new Update().set("welcomed", true), COLLECTION);
    }

    /**
     * Forgets the member's name, e-mail, language and roles for good: the document keeps ids only and
     * says {@code erased}, with a version no record beats, and they are no coordinator any more. Those
     * who listen to {@link DetailsErased} hear the details first (a timebank's contact may name them).
     * Repeatable.
     */
    public void erase(String timebankId, String memberId) {
        Document stored = mongo.findById(memberId, Document.class, COLLECTION);
        if (stored != null && !Boolean.TRUE.equals(stored.get("erased"))) {
            events.publishEvent(new DetailsErased(timebankId, memberId, stored.getString("displayName"),
                    stored.getString("email")));
        }
        mongo.upsert(byId(memberId), new Update().set("erased", true).set(DETAILS_VERSION, ERASED)
                .set("timebankId", timebankId).unset("displayName").unset("email").unset("language").unset("roles"),
                COLLECTION);
        recipientCache.evict(memberId);
        mongo.updateMulti(Query.query(Criteria.where("coordinators").is(memberId)),
                new Update().pull("coordinators", memberId), TimebankDocument.class);
        timebankCache.evict(timebankId);
    }

    /** The registration of a member whose welcome is due: the welcome is keyed by it. */
    public record WelcomeDue(String timebankId, String memberId, String registrationEventId, java.time.Instant registeredAt) {
    }

    /** A member's details as they were just before they were erased. */
    public record DetailsErased(String timebankId, String memberId, String displayName, String email) {
    }

    private void setFlag(String memberId, String timebankId, String flag, boolean value) {
        mongo.upsert(byId(memberId), new Update().set(flag, value).setOnInsert("timebankId", timebankId),
                RecipientDocument.class);
        recipientCache.evict(memberId);
    }

    /** The recipient, if they belong to this timebank. */
    public Optional<Recipient> find(String timebankId, String memberId) {
        return find(memberId).filter(r -> timebankId.equals(r.timebankId()));
    }

    public Optional<Recipient> find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, RecipientDocument.class)).map(RecipientDocument::toRecipient);
    }

    /**
     * Many at once, by id: those read within the lookup cache's ttl from memory, the others in one
     * direct lookup with {@code $in}.
     */
    public Map<String, Recipient> findAll(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return recipientCache.getAll(memberIds, this::read);
    }

    private Map<String, Recipient> read(Collection<String> memberIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(memberIds)), RecipientDocument.class).stream()
                .map(RecipientDocument::toRecipient)
                .collect(Collectors.toMap(Recipient::memberId, Function.identity()));
    }

    /** A timebank, an unknown one as {@link Timebank#unknown}; through the lookup cache. */
    public Timebank timebank(String timebankId) {
        return timebanks(List.of(timebankId)).get(timebankId);
    }

    /** Timebanks by id, an unknown one as {@link Timebank#unknown}; through the lookup cache, like {@link #findAll}. */
    public Map<String, Timebank> timebanks(Collection<String> timebankIds) {
        Map<String, Timebank> found = timebankCache.getAll(timebankIds, ids -> mongo.find(
                        Query.query(Criteria.where("_id").in(ids)), TimebankDocument.class)
                .stream().map(Recipients::toTimebank).collect(Collectors.toMap(Timebank::timebankId, Function.identity())));
        return timebankIds.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), id -> found.getOrDefault(id, Timebank.unknown(id))));
    }

    /** Every timebank known here (a small collection: one document per timebank). */
    public List<Timebank> allTimebanks() {
        return mongo.findAll(TimebankDocument.class).stream().map(Recipients::toTimebank).toList();
    }

    private static Timebank toTimebank(TimebankDocument d) {
        return new Timebank(d.timebankId(), d.name() == null ? d.timebankId() : d.name(),
                d.zoneId() == null ? ZoneId.of("UTC") : ZoneId.of(d.zoneId()),
                d.coordinators() == null ? List.of() : d.coordinators());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
