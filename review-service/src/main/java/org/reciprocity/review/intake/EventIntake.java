package org.reciprocity.review.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.review.erasure.ErasureConsumer;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.store.Projections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Folds the members', details', contributions' and ledger's topics (and the timebanks', for each one's zone)
 * into the projections, one consumer group each ({@code review.members}, {@code review.details},
 * {@code review.contributions}, {@code review.ledger}, {@code review.timebanks}), read from the
 * earliest offset, a batch of records at a time ({@code spring.kafka.consumer.max-poll-records}),
 * merged into the projections' write-back caches ({@link Projector#applyAll}, {@code BucketFactStore})
 * and written when the listener has caught up (no lag on its partitions), holds {@code flushAt} facts or goes idle; the batches'
 * offsets are acknowledged only then ({@link #flushAndAcknowledge}). Consuming is
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

    private final HeldBatches held = new HeldBatches();
    private final long flushAt;

    EventIntake(Projections projections, ErasureConsumer erasures,
                @Value("${reciprocity.review.fold.flush-at:100000}") long flushAt) {
        this.projections = projections;
        this.erasures = erasures;
        this.flushAt = flushAt;
    }

    /** Names and kind histories: the only source of both (the members topic carries ids and facts). */
    @KafkaListener(id = DETAILS, topics = Topics.MEMBER_DETAILS_TOPIC, batch = "true", containerPostProcessor = FoldAcks.BEAN)
    void onDetails(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        fold(records, ack, consumer);
    }

    @KafkaListener(id = MEMBERS, topics = Topics.MEMBERS_TOPIC, batch = "true", containerPostProcessor = FoldAcks.BEAN)
    void onMembers(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        fold(records, ack, consumer);
    }

    @KafkaListener(id = CONTRIBUTIONS, topics = Topics.CONTRIBUTIONS_TOPIC, batch = "true", containerPostProcessor = FoldAcks.BEAN)
    void onContributions(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        fold(records, ack, consumer);
    }

    @KafkaListener(id = LEDGER, topics = Topics.LEDGER_TOPIC, batch = "true", containerPostProcessor = FoldAcks.BEAN)
    void onLedger(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        fold(records, ack, consumer);
    }

    /** Each timebank's zone: its months are the review's months. */
    @KafkaListener(id = TIMEBANKS, topics = Topics.TIMEBANKS_TOPIC, batch = "true", containerPostProcessor = FoldAcks.BEAN)
    void onTimebanks(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        fold(records, ack, consumer);
    }

    private void fold(List<ConsumerRecord<String, DomainEvent>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        List<DomainEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DomainEvent event = records.get(i).value();
            if (event == null) {
                // unreadable (the deserializer's error is in the record's headers): fold what came before it and
                // write it, since the error handler commits the offsets before the record it parks
                new Projector(projections.facts()).applyAll(events);
                events.stream().filter(ErasureConsumer::erases).forEach(erasures::on);
                projections.facts().flush();
                throw new BatchListenerFailedException("a record that cannot be read", i);
            }
            events.add(event);
        }
        new Projector(projections.facts()).applyAll(events);
        held.hold(consumer.groupMetadata().groupId(), records, ack);
        // after the fold: the member's events before it on the topic are in what the erasure keeps
        for (DomainEvent event : events) {
            if (ErasureConsumer.erases(event)) {
                erasures.on(event);
            }
        }
        if (caughtUp(consumer) || projections.facts().cached() >= flushAt) {
            flushAndAcknowledge();
        }
    }

    /**
     * Whether the consumer has read all its partitions hold, as far as its last fetch knows (no call to the
     * broker): a lag it does not know yet counts as caught up, so a live event is written at once.
     */
    private static boolean caughtUp(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent() && lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes what the projections hold back, then acknowledges each listener's latest batch folded before
     * it: a topic's offsets are committed only once what was folded from them is in the store. While a
     * backlog is read (full batches) the merges stay in memory up to {@code flushAt} facts, so a bucket
     * is written once for many batches; a crash before the write loses only merges the topics give again.
     */
    synchronized void flushAndAcknowledge() {
        List<Acknowledgment> folded = held.release();
        projections.facts().flush();
        // oldest first; another listener's batches too: Spring Kafka hands an acknowledgement from another
        // thread to its consumer, which commits it at its next poll
        folded.forEach(Acknowledgment::acknowledge);
    }

    /**
     * A listener with nothing to read for a while (see {@link FoldAcks}) whose own batches are held back:
     * write them, if it has really read all there is (a listener held up by another's flush is not idle).
     * Others' idleness writes nothing: a listener that finished its topic must not make the one still
     * reading a backlog write its buckets every second.
     */
    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        Consumer<?, ?> consumer = idle.getConsumer();
        if (held.holds(consumer.groupMetadata().groupId()) && caughtUp(consumer)) {
            flushAndAcknowledge();
        }
    }

    /** After a change of the projections' layout, each group reads its topics again from the start, once. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        String group = KafkaUtils.getConsumerGroupId();
        if (group != null && projections.rewind(group)) {
            callback.seekToBeginning(assignments.keySet());
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
