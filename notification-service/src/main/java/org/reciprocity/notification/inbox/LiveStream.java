package org.reciprocity.notification.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
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
    private final Inbox inbox;
    private final InboxViews views;

    LiveStream(Inbox inbox, InboxViews views) {
        this.inbox = inbox;
        this.views = views;
    }

    SseEmitter open(String timebankId, String memberId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        String key = key(timebankId, memberId);
        sessions.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(emitter);
        Runnable close = () -> remove(key, emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            // says "connected" at once, so the client knows the stream is open before any item
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove(key, emitter);
        }
        return emitter;
    }

    @KafkaListener(id = "notification.live", groupId = "notification-live-${random.uuid}",
            topics = Topics.NOTIFICATIONS_TOPIC, properties = "auto.offset.reset=latest")
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
                    remove(key(delivered.timebankId(), delivered.recipientId()), emitter);
                }
            }
        });
    }

    private void remove(String key, SseEmitter emitter) {
        sessions.computeIfPresent(key, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private static String key(String timebankId, String memberId) {
        return timebankId + "/" + memberId;
    }
}
