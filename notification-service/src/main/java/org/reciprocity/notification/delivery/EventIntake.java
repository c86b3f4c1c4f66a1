package org.reciprocity.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.notification.NotificationProperties;
import org.reciprocity.notification.inbox.Inbox;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.preference.PreferenceStore;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.recipient.Recipient;
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
 * recipients, preferences and timebanks involved, one insert of inbox items, one of outbound
 * deliveries, one wait for the audit events. Every write is keyed by (event, recipient, channel),
 * so a redelivered batch adds nothing. A record that cannot be read or understood fails alone: the
 * records before it are delivered, it goes to the dead-letter topic, the ones after it follow.
 */
@Component
class EventIntake {

    private static final LogAccessor LOG = new LogAccessor(EventIntake.class);

    private final Recipients recipients;
    private final PreferenceStore preferences;
    private final Inbox inbox;
    private final DeliveryLog deliveries;
    private final List<OutboundChannel> channels;
    private final Clock clock;
    private final LocalTime digestAt;

    EventIntake(Recipients recipients, PreferenceStore preferences, Inbox inbox, DeliveryLog deliveries,
            List<OutboundChannel> channels, Clock clock, NotificationProperties properties) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
        this.digestAt = properties.digestAt();
    }

    @KafkaListener(id = "notification.messages", containerFactory = "batchListenerFactory",
            topics = {Topics.MEMBERS_TOPIC, Topics.CONTRIBUTIONS_TOPIC, Topics.MATCHES_TOPIC, Topics.LEDGER_TOPIC})
    void on(List<ConsumerRecord<String, DomainEvent>> records) {
        Map<String, Timebank> timebanks = recipients.timebanks(records.stream().map(ConsumerRecord::value)
                .filter(Objects::nonNull).map(DomainEvent::timebankId).distinct().toList());
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, DomainEvent> record = records.get(i);
            DomainEvent event = record.value();
            if (event == null) {
                DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
                if (unreadable != null) {
                    deliver(notices, timebanks);
                    throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
                }
                continue; // a tombstone: nothing to tell anyone
            }
            try {
                notices.addAll(Notices.from(event, timebanks.get(event.timebankId()).coordinators()));
            } catch (RuntimeException e) {
                deliver(notices, timebanks);
                throw new BatchListenerFailedException("could not decide who to tell: " + e.getMessage(), e, i);
            }
        }
        deliver(notices, timebanks);
    }

    private void deliver(List<Notice> notices, Map<String, Timebank> timebanks) {
        if (notices.isEmpty()) {
            return;
        }
        Set<String> people = new HashSet<>();
        notices.forEach(n -> people.add(n.recipientId()));
        Map<String, Recipient> known = recipients.findAll(people);
        Map<String, Preferences> chosen = preferences.findAll(people);
        Instant now = clock.instant();
        List<Notice> toInbox = new ArrayList<>();
        List<Delivery> outbound = new ArrayList<>();
        for (Notice notice : notices) {
            Recipient recipient = known.get(notice.recipientId());
            if (!notice.mayReach(recipient)) {
                continue;
            }
            Preferences prefs = chosen.getOrDefault(notice.recipientId(),
                    Preferences.defaults(notice.recipientId(), notice.timebankId(), null));
            Set<String> wanted = prefs.channelsFor(notice.kind());
            if (wanted.contains(Preferences.INBOX)) {
                toInbox.add(notice);
            }
            for (OutboundChannel channel : channels) {
                // an unknown member may be registered a moment later: the sender looks for the address when it sends
                if (wanted.contains(channel.name()) && (recipient == null || channel.addressOf(recipient).isPresent())) {
                    Instant due = prefs.digest() ? nextDigest(now, timebanks.get(notice.timebankId()).zone()) : now;
                    outbound.add(Delivery.of(notice, channel.name(), prefs.digest(), due));
                }
            }
        }
        deliveries.addNew(outbound);
        inbox.deliver(toInbox);
        notices.clear();
    }

    private Instant nextDigest(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(digestAt).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}
