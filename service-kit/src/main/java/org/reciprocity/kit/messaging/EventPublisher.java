package org.reciprocity.kit.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** Publishes and waits for the broker's acknowledgement ({@code acks=all}). */
    public void publishAndWait(DomainEvent event) {
        try {
            publish(event).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event.eventId() + ": " + e.getMessage(), e);
        }
    }
}
