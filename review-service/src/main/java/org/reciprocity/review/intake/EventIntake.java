package org.reciprocity.review.intake;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.review.facts.Projector;
import org.reciprocity.review.store.Projections;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Folds the members', contributions' and ledger's topics into the projections, one consumer group
 * each ({@code review.members}, {@code review.contributions}, {@code review.ledger}), read from the
 * earliest offset. Consuming is idempotent without a processed-events record: every fold is a merge
 * that the same event leaves unchanged the second time ({@code Fact}). A record that cannot be read
 * goes to the topic's dead-letter twin (the kit's error handler).
 */
@Component
public class EventIntake extends AbstractConsumerSeekAware {

    static final String MEMBERS = "review.members";
    static final String CONTRIBUTIONS = "review.contributions";
    static final String LEDGER = "review.ledger";

    private final Projections projections;

    EventIntake(Projections projections) {
        this.projections = projections;
    }

    @KafkaListener(id = MEMBERS, topics = Topics.MEMBERS_TOPIC)
    void onMember(DomainEvent event) {
        fold(event);
    }

    @KafkaListener(id = CONTRIBUTIONS, topics = Topics.CONTRIBUTIONS_TOPIC)
    void onContribution(DomainEvent event) {
        fold(event);
    }

    @KafkaListener(id = LEDGER, topics = Topics.LEDGER_TOPIC)
    void onLedger(DomainEvent event) {
        fold(event);
    }

    private void fold(DomainEvent event) {
        if (Projector.folds(event)) {
            new Projector(projections.facts()).apply(event);
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
