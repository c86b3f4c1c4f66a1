package org.reciprocity.notification.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.notification.inbox.Inbox;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.recipient.Recipients;
import org.reciprocity.notification.recipient.Timebank;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Turns the other services' events into messages, a whole poll at a time: one lookup of the
 * timebanks involved, then {@link Outreach} delivers the batch's notices together (one lookup of
 * recipients and preferences, one insert of inbox items, one of outbound deliveries). Every write is keyed by (event, recipient, channel),
 * so a redelivered batch adds nothing. A record that cannot be read or understood fails alone: the
 * records before it are delivered, it goes to the dead-letter topic, the ones after it follow.
 */
@Component
class EventIntake {

    private static final LogAccessor LOG = new LogAccessor(EventIntake.class);

    private final Recipients recipients;
    private final Outreach outreach;
    private final Inbox inbox;

    EventIntake(Recipients recipients, Outreach outreach, Inbox inbox) {
        this.recipients = recipients;
        this.outreach = outreach;
        this.inbox = inbox;
    }

    @KafkaListener(id = "notification.messages", containerFactory = "batchListenerFactory",
            topics = {Topics.MEMBERS_TOPIC, Topics.CONTRIBUTIONS_TOPIC, Topics.MATCHES_TOPIC, Topics.LEDGER_TOPIC})
    void on(List<ConsumerRecord<String, DomainEvent>> records) {
        Map<String, Timebank> timebanks = recipients.timebanks(records.stream().map(ConsumerRecord::value)
                .filter(Objects::nonNull).map(DomainEvent::timebankId).distinct().toList());
        List<Notice> notices = new ArrayList<>();
        List<Notices.Answered> answered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, DomainEvent> record = records.get(i);
            DomainEvent event = record.value();
            if (event == null) {
                DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
                if (unreadable != null) {
                    deliver(notices, answered, timebanks);
                    throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
                }
                continue; // a tombstone: nothing to tell anyone
            }
            try {
                notices.addAll(Notices.from(event, timebanks.get(event.timebankId()).coordinators()));
                Notices.answered(event).ifPresent(answered::add);
            } catch (RuntimeException e) {
                deliver(notices, answered, timebanks);
                throw new BatchListenerFailedException("could not decide who to tell: " + e.getMessage(), e, i);
            }
        }
        deliver(notices, answered, timebanks);
    }

    /**
     * Delivers the notices, then closes the requests to confirm that the batch's events answered:
     * in this order, so a contribution logged and withdrawn in one batch leaves its request closed
     * (a contribution's events come in order, on one partition, to this one consumer).
     */
    private void deliver(List<Notice> notices, List<Notices.Answered> answered, Map<String, Timebank> timebanks) {
        outreach.deliver(notices, timebanks);
        notices.clear();
        answered.forEach(inbox::closeRequests);
        answered.clear();
    }
}
