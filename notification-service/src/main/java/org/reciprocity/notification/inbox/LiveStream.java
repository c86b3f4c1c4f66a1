package org.reciprocity.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.notification.preference.Preferences;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live delivery of new inbox items to open sessions (Server-Sent Events). Every instance reads the
 * {@code NotificationDelivered} events with a consumer group of its own, so a member whose stream
 * is open on one instance sees items that another instance delivered. Items are sent with their id:
 * a client that reconnects reads the inbox for what it missed.
 */
@Component
public class LiveStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> sessions = new ConcurrentHashMap<>();
    /** Open sessions per member id (the Kafka key of the audit events), to skip the others' events unread. */
    private final Map<String, Integer> openByMember = new ConcurrentHashMap<>();
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Inbox inbox;
    private final InboxViews views;

    LiveStream(Inbox inbox, InboxViews views) {
        this.inbox = inbox;
        this.views = views;
    }

    SseEmitter open(String timebankId, String memberId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        String key = key(timebankId, memberId);
        sessions.compute(key, (k, set) -> {
            Set<SseEmitter> open = set == null ? new CopyOnWriteArraySet<>() : set;
            if (open.add(emitter)) {
                openByMember.merge(memberId, 1, Integer::sum);
            }
            return open;
        });
        Runnable close = () -> remove(key, memberId, emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            // says "connected" at once, so the client knows the stream is open before any item
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove(key, memberId, emitter);
        }
        return emitter;
    }

    /**
     * Reads the audit events as raw records: most are for members with no open session, and those
     * are skipped by their key (the recipient's member id) without being deserialized.
     */
    @KafkaListener(id = "notification.live", groupId = "notification-live-${random.uuid}",
            topics = Topics.NOTIFICATIONS_TOPIC, containerFactory = "liveStreamListenerFactory",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || (record.key() != null && !openByMember.containsKey(record.key()))) {
            return;
        }
        DomainEvent event;
        try {
            event = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            return; // the live stream is a convenience: a reconnecting client reads the inbox
        }
        on(event);
    }

    void on(DomainEvent event) {
        if (!(event instanceof NotificationDelivered delivered) || !Preferences.INBOX.equals(delivered.channel())) {
            return;
        }
        Set<SseEmitter> open = sessions.get(key(delivered.timebankId(), delivered.recipientId()));
        if (open == null || open.isEmpty()) {
            return;
        }
        inbox.find(delivered.deliveryId()).ifPresent(item -> {
            InboxItemView view = views.render(item.timebankId(), item.memberId(), List.of(item)).get(0);
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().id(view.id()).name("inbox").data(view, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException gone) {
                    remove(key(delivered.timebankId(), delivered.recipientId()), delivered.recipientId(), emitter);
                }
            }
        });
    }

    private void remove(String key, String memberId, SseEmitter emitter) {
        sessions.computeIfPresent(key, (k, set) -> {
            if (set.remove(emitter)) {
                openByMember.computeIfPresent(memberId, (m, n) -> n > 1 ? n - 1 : null);
            }
            return set.isEmpty() ? null : set;
        });
    }

    private static String key(String timebankId, String memberId) {
        return timebankId + "/" + memberId;
    }
}
