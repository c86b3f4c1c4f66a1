package org.reciprocity.kit.messaging;

import java.util.concurrent.CompletableFuture;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Publishes an event on its catalogue topic, keyed by its subject so a subject's events stay in order. */
public class EventPublisher {

    private final KafkaTemplate<String, DomainEvent> template;

    EventPublisher(KafkaTemplate<String, DomainEvent> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<String, DomainEvent>> publish(DomainEvent event) {
        return template.send(EventTypes.of(event).topic().name(), event.subject(), event);
    }
}
