package org.reciprocity.matching.profile;

import java.util.Optional;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/** Keeps matching profiles in step with the ledger's member events. */
@Service
public class Profiles {

    private static final String CONSUMER = "matching.profiles";

    private final MongoTemplate mongo;
    private final ProcessedEvents processed;

    Profiles(MongoTemplate mongo, ProcessedEvents processed) {
        this.mongo = mongo;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.MEMBERS_TOPIC)
    void on(DomainEvent event) {
        if (event instanceof MemberRegistered registered) {
            // save() is an upsert by member id: re-applying the same registration changes nothing.
            processed.applyOnce(CONSUMER, event, () -> mongo.save(ProfileDocument.of(Profile.from(registered))));
        }
    }

    /** The profile, if the member belongs to this timebank. */
    public Optional<Profile> find(String timebankId, String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, ProfileDocument.class))
                .filter(p -> p.timebankId().equals(timebankId))
                .map(ProfileDocument::toProfile);
    }
}
