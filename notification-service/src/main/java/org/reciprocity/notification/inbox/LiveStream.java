package org.reciprocity.notification.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.notification.NotificationRefusal;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.recipient.Recipient;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live delivery of new inbox items to open sessions (Server-Sent Events). Every instance reads the
 * {@code NotificationDelivered} events with a consumer group of its own, so a member whose stream
 * is open on one instance sees items that another instance delivered. Items are sent with their id:
 * a client that reconnects reads the inbox for what it missed.
 * <p>
 * A stream carries the sign-in that opened it, so it lasts no longer than that sign-in: it closes
 * when the token expires, at once when the member is suspended (each instance reads the member
 * events with its own group too, since the stream may be open on any of them), and a member has at
 * most a few open; each close says why in a last {@code closed} event with a code.
 */
@Component
public class LiveStream implements SmartLifecycle {

    /** The longest a stream stays open, whatever its token says. */
    private static final Duration LONGEST = Duration.ofMinutes(30);

    /** Each member's open streams, oldest first, by member id (the Kafka key of the events read here). */
    private final Map<String, List<OpenStream>> byMember = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor closer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "live-stream-closer");
        thread.setDaemon(true);
        return thread;
    });
    /** Token expiry is wall-clock time, as the token check reads it; not the service's (movable) clock. */
    private final Clock clock = Clock.systemUTC();
    private final EventDeserializer deserializer = new EventDeserializer();
    private final Inbox inbox;
    private final InboxViews views;
    private final Recipients recipients;
    private final int maxPerMember;

    LiveStream(Inbox inbox, InboxViews views, Recipients recipients,
            @Value("${reciprocity.notification.live.max-streams-per-member:5}") int maxPerMember) {
        this.inbox = inbox;
        this.views = views;
        this.recipients = recipients;
        this.maxPerMember = maxPerMember;
        closer.setRemoveOnCancelPolicy(true); // a stream closed early does not stay queued until its token's expiry
    }

    /**
     * Opens a stream for the member until {@code signInExpiresAt} (null: no sooner than {@link #LONGEST}).
     * Their oldest stream closes if this one is one too many: it is most likely a tab left open or a
     * connection that died without a word, and the newest is the one the person is looking at.
     */
    SseEmitter open(String timebankId, String memberId, Instant signInExpiresAt) {
        if (recipients.find(timebankId, memberId).map(Recipient::suspended).orElse(false)) {
            throw ApiException.of(NotificationRefusal.MEMBER_SUSPENDED);
        }
        OpenStream stream = new OpenStream(timebankId, memberId, new SseEmitter(LONGEST.toMillis()));
        stream.emitter.onCompletion(() -> forget(stream));
        stream.emitter.onTimeout(() -> forget(stream));
        stream.emitter.onError(e -> forget(stream));
        List<OpenStream> tooMany = add(stream);
        if (signInExpiresAt != null) {
            Duration left = Duration.between(clock.instant(), signInExpiresAt);
            if (left.compareTo(LONGEST) < 0) {
                stream.expiry = closer.schedule(() -> close(stream, NotificationRefusal.SIGN_IN_EXPIRED),
                        Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
        try {
            // says "connected" at once, so the client knows the stream is open before any item
            stream.emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            forget(stream);
        }
        tooMany.forEach(old -> end(old, NotificationRefusal.TOO_MANY_LIVE_STREAMS));
        return stream.emitter;
    }

    /**
     * Reads the audit and member events as raw records: most are for members with no open session,
     * and those are skipped by their key (the member's id) without being deserialized.
     */
    @KafkaListener(id = "notification.live", groupId = "notification-live-${random.uuid}",
            topics = {Topics.NOTIFICATIONS_TOPIC, Topics.MEMBERS_TOPIC}, containerFactory = "liveStreamListenerFactory",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || (record.key() != null && !byMember.containsKey(record.key()))) {
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
        if (event instanceof MemberSuspended suspended) {
            streamsOf(suspended.timebankId(), suspended.memberId())
                    .forEach(stream -> close(stream, NotificationRefusal.MEMBER_SUSPENDED));
        } else if (event instanceof NotificationDelivered delivered && Preferences.INBOX.equals(delivered.channel())) {
            push(delivered);
        }
    }

    private void push(NotificationDelivered delivered) {
        List<OpenStream> open = streamsOf(delivered.timebankId(), delivered.recipientId());
        if (open.isEmpty()) {
            return;
        }
        inbox.find(delivered.deliveryId()).ifPresent(item -> {
            InboxItemView view = views.render(item.timebankId(), item.memberId(), List.of(item)).get(0);
            for (OpenStream stream : open) {
                try {
                    stream.emitter.send(SseEmitter.event().id(view.id()).name("inbox")
                            .data(view, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException gone) {
                    forget(stream);
                }
            }
        });
    }

    private List<OpenStream> streamsOf(String timebankId, String memberId) {
        List<OpenStream> open = byMember.getOrDefault(memberId, List.of());
        return open.stream().filter(stream -> stream.timebankId.equals(timebankId)).toList();
    }

    /** Adds the stream; takes out and returns the member's oldest ones beyond the cap. */
    private List<OpenStream> add(OpenStream stream) {
        List<OpenStream> tooMany = new ArrayList<>();
        byMember.compute(stream.memberId, (member, open) -> {
            List<OpenStream> streams = open == null ? new CopyOnWriteArrayList<>() : open;
            streams.add(stream);
            while (streams.size() > maxPerMember) {
                tooMany.add(streams.remove(0));
            }
            return streams;
        });
        tooMany.forEach(OpenStream::cancelExpiry);
        return tooMany;
    }

    /** Takes the stream out; true if it was still open here. */
    private boolean forget(OpenStream stream) {
        boolean[] removed = {false};
        byMember.computeIfPresent(stream.memberId, (member, streams) -> {
            removed[0] = streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
        stream.cancelExpiry();
        return removed[0];
    }

    private void close(OpenStream stream, NotificationRefusal why) {
        if (forget(stream)) {
            end(stream, why);
        }
    }

    /** Tells the client why, in the last event, then ends the response. */
    private static void end(OpenStream stream, NotificationRefusal why) {
        try {
            stream.emitter.send(SseEmitter.event().name("closed")
                    .data(Map.of("code", why.code(), "detail", why.english()), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // nobody left to tell
        }
        stream.emitter.complete();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Closes every open stream, saying why, before the web server's graceful shutdown begins (this
     * phase stops first): an open stream is a request that never ends, and the server would wait for
     * it until its shutdown timeout.
     */
    @Override
    public void stop() {
        running = false;
        byMember.values().stream().flatMap(List::stream).toList()
                .forEach(stream -> close(stream, NotificationRefusal.SERVICE_RESTARTING));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void stopCloser() {
        closer.shutdownNow();
    }

    private static final class OpenStream {
        final String timebankId;
        final String memberId;
        final SseEmitter emitter;
        volatile ScheduledFuture<?> expiry;

        OpenStream(String timebankId, String memberId, SseEmitter emitter) {
            this.timebankId = timebankId;
            this.memberId = memberId;
            this.emitter = emitter;
        }

        void cancelExpiry() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
