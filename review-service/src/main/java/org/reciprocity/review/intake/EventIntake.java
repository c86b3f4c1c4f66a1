package org.reciprocity.review.intake;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.review.erasure.ErasureConsumer;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.store.Projections;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Folds the members', details', contributions' and ledger's topics (and the timebanks', for each one's zone)
 * into the projections, one consumer group each ({@code review.members}, {@code review.details},
 * {@code review.contributions}, {@code review.ledger}, {@code review.timebanks}), read from the
 * earliest offset, a batch of records at a time ({@code spring.kafka.consumer.max-poll-records}):
 * one read and one bulk write per projection a batch ({@link Projector#applyAll}). Consuming is
 * idempotent without a processed-events record: every fold is a merge that the same event leaves
 * unchanged the second time ({@code Fact}), so a batch redelivered after a crash changes nothing it
 * already did. A record that cannot be read goes to the topic's dead-letter twin (the kit's error
 * handler): the records before it are folded first, and the handler commits up to it.
 * {@code MemberErased} and an erased details record start the member's erasure once the batch is folded.
 */
@Component
public class EventIntake extends AbstractConsumerSeekAware {

    static final String MEMBERS = "review.members";
    static final String CONTRIBUTIONS = "review.contributions";
    static final String LEDGER = "review.ledger";
    static final String TIMEBANKS = "review.timebanks";

    static final String DETAILS = "review.details";

    private final Projections projections;
    private final ErasureConsumer erasures;

    EventIntake(Projections projections, ErasureConsumer erasures) {
        this.projections = projections;
        this.erasures = erasures;
    }

    /** Names and kind histories: the only source of both (the members topic carries ids and facts). */
    @KafkaListener(id = DETAILS, topics = Topics.MEMBER_DETAILS_TOPIC, batch = "true")
    void onDetails(List<ConsumerRecord<String, DomainEvent>> records) {
        fold(records);
    }

    @KafkaListener(id = MEMBERS, topics = Topics.MEMBERS_TOPIC, batch = "true")
    void onMembers(List<ConsumerRecord<String, DomainEvent>> records) {
        fold(records);
    }

    @KafkaListener(id = CONTRIBUTIONS, topics = Topics.CONTRIBUTIONS_TOPIC, batch = "true")
    void onContributions(List<ConsumerRecord<String, DomainEvent>> records) {
        fold(records);
    }

    @KafkaListener(id = LEDGER, topics = Topics.LEDGER_TOPIC, batch = "true")
    void onLedger(List<ConsumerRecord<String, DomainEvent>> records) {
        fold(records);
    }

    /** Each timebank's zone: its months are the review's months. */
    @KafkaListener(id = TIMEBANKS, topics = Topics.TIMEBANKS_TOPIC, batch = "true")
    void onTimebanks(List<ConsumerRecord<String, DomainEvent>> records) {
        fold(records);
    }

    private void fold(List<ConsumerRecord<String, DomainEvent>> records) {
        List<DomainEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DomainEvent event = records.get(i).value();
            if (event == null) {
                // unreadable (the deserializer's error is in the record's headers): fold what came before it
                new Projector(projections.facts()).applyAll(events);
                events.stream().filter(ErasureConsumer::erases).forEach(erasures::on);
                throw new BatchListenerFailedException("a record that cannot be read", i);
            }
            events.add(event);
        }
        new Projector(projections.facts()).applyAll(events);
        // after the fold: the member's events before it on the topic are in what the erasure keeps
        for (DomainEvent event : events) {
            if (ErasureConsumer.erases(event)) {
                erasures.on(event);
            }
        }
    }

    /**
     * Rebuilds the projections from the start of the topics: the next generation's collections
     * start empty and every consumer goes back to the first offset of its partitions. Reads move to
     * the new generation at once and fill in as the topics are read again.
     */
    public long rebuild() {
        long generation = projections.nextGeneration();
        seekToBeginning();
        return generation;
    }
}
