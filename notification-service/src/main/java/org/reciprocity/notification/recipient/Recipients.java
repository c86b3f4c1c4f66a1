package org.reciprocity.notification.recipient;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.contracts.profile.MemberResumed;
import org.reciprocity.contracts.timebank.TimebankOpened;
import org.reciprocity.kit.messaging.NewerVersion;
import org.reciprocity.notification.support.LookupCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * Keeps who notifications can reach in step with the member, profile and timebank events. Every
 * change is a {@code $set} (or {@code $addToSet}) upsert by id, so re-applying an event, or a whole
 * partition replayed in order, ends in the same state: no processed-event log is needed here. A
 * member's name, e-mail and language are whole-state with a version (0 at registration, then each
 * MemberDetailsChanged's): written only by a newer version, so a late or repeated event keeps the newest.
 * Events of different topics may arrive in any order; an upsert from any of them creates the document.
 */
@Service
public class Recipients {

    private static final String CONSUMER = "notification.recipients";
    private static final String COLLECTION = "recipients";
    /** The version of the member's details held (MemberDetailsChanged's); a registration is version 0. */
    static final String DETAILS_VERSION = "detailsVersion";
    static final long REGISTERED_DETAILS = 0;

    private final MongoTemplate mongo;
    private final LookupCache<Recipient> recipientCache;
    private final LookupCache<Timebank> timebankCache;

    Recipients(MongoTemplate mongo, @Value("${reciprocity.notification.lookup-cache-ttl:1s}") Duration cacheTtl) {
        this.mongo = mongo;
        this.recipientCache = new LookupCache<>(cacheTtl);
        this.timebankCache = new LookupCache<>(cacheTtl);
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.MEMBERS_TOPIC, Topics.PROFILES_TOPIC, Topics.TIMEBANKS_TOPIC})
    void on(DomainEvent event) {
        // Java 17: no pattern matching in switch yet
        if (event instanceof MemberRegistered e) {
            registered(e);
        } else if (event instanceof MemberDetailsChanged e) {
            // whole details with their version: the newest wins, whatever order changes arrive in
            NewerVersion.apply(mongo, COLLECTION, e.memberId(), DETAILS_VERSION, e.version(), new Update()
                    .set("timebankId", e.timebankId()).set("displayName", e.displayName()).set("email", e.email())
                    .set("language", e.language()));
            recipientCache.evict(e.memberId());
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

    /** The registration's details are version 0 of them: a change of details heard first is newer and stays. */
    private void registered(MemberRegistered e) {
        // one write in the usual case (no newer details held), so no reader ever finds the member without
        // their e-mail: the welcome, read at the same time, was once sent nowhere between two writes
        boolean details = NewerVersion.apply(mongo, COLLECTION, e.memberId(), DETAILS_VERSION, REGISTERED_DETAILS,
                new Update().set("timebankId", e.timebankId()).set("roles", e.roles()).set("displayName", e.displayName())
                        .set("email", e.email()).set("language", e.language()));
        if (!details) {
            mongo.upsert(byId(e.memberId()), new Update().set("timebankId", e.timebankId()).set("roles", e.roles()),
                    RecipientDocument.class);
        }
        recipientCache.evict(e.memberId());
        if (e.roles().contains("COORDINATOR")) {
            mongo.upsert(byId(e.timebankId()), new Update().addToSet("coordinators", e.memberId()),
                    TimebankDocument.class);
            timebankCache.evict(e.timebankId());
        }
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
