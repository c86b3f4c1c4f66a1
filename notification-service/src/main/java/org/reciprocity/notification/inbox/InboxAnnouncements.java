package org.reciprocity.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.notification.preference.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The outbox of the inbox: a new inbox item is its own pending {@code NotificationDelivered}
 * (the event is a function of the item, its id derived from the item's id), so writing the item is
 * writing its event, in one document, with no second write per item.
 *
 * <p>Which items have been announced is kept per writer, not per item. A writer is one intake
 * thread of one running instance; it numbers its batches. Before it inserts a batch it records
 * {@code written = n} in {@code inbox_announcements}; the items carry {@code writer} and
 * {@code batch = n}. A background thread publishes each batch's events, in order, waits for the
 * broker, then records {@code published = n}. If a publication fails, the writer is retired (the
 * thread takes a new one), so {@code published} never passes a batch whose events were not
 * acknowledged. The {@link #sweep} publishes again the items of any writer left with
 * {@code written > published} for longer than {@link #GRACE} (a crash, a broker outage): an event
 * may be published twice, never lost; consumers dedupe by event id.
 */
@Component
class InboxAnnouncements {

    static final String COLLECTION = "inbox_announcements";
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(InboxAnnouncements.class);

    /** One batch of one writer. */
    record Batch(String writer, long number) {
    }

    private static final class Writer {
        final String id;
        long batches;

        Writer(String id) {
            this.id = id;
        }
    }

    private final String instance = UUID.randomUUID().toString();
    private final ThreadLocal<Writer> writers = new ThreadLocal<>();
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "inbox-announcements");
        thread.setDaemon(true);
        return thread;
    });

    InboxAnnouncements(MongoTemplate mongo, EventPublisher publisher, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Before a batch of items is inserted: numbers it and records that its writer has written it. */
    Batch begin() {
        Writer writer = writers.get();
        if (writer == null || retired.contains(writer.id)) {
            writer = new Writer(instance + "/" + Thread.currentThread().getName() + "/" + UUID.randomUUID());
            writers.set(writer);
        }
        long number = ++writer.batches;
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", writer.id),
                Updates.combine(Updates.set("written", number), Updates.set("updatedAt", Date.from(clock.instant())),
                        Updates.setOnInsert("published", 0L)),
                new UpdateOptions().upsert(true));
        return new Batch(writer.id, number);
    }

    /**
     * After a failed insert, which may have written part of the batch: the writer's
     * {@code published} stays below this batch, so the sweep announces whatever was written.
     */
    void retire(Batch batch) {
        retired.add(batch.writer());
    }

    /** After the insert: publishes the new items' events soon, off the caller's thread, in the order asked. */
    void announceLater(Batch batch, List<NotificationDelivered> events) {
        List<NotificationDelivered> copy = List.copyOf(events);
        background.execute(() -> announce(batch, copy));
    }

    private void announce(Batch batch, List<NotificationDelivered> events) {
        if (retired.contains(batch.writer())) {
            publishQuietly(events); // for the live streams; the sweep publishes them again for the record
            return;
        }
        try {
            publish(events);
            mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", batch.writer()),
                    Updates.max("published", batch.number()));
        } catch (Exception e) {
            retired.add(batch.writer());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("{} inbox items not announced yet, the sweep will after {}: {}", events.size(), GRACE,
                    e.getMessage());
        }
    }

    private void publish(List<NotificationDelivered> events) throws Exception {
        List<CompletableFuture<?>> sends = new ArrayList<>(events.size());
        for (NotificationDelivered event : events) {
            sends.add(publisher.publish(event));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    private void publishQuietly(List<NotificationDelivered> events) {
        try {
            publish(events);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The audit event of an inbox item: the same whoever publishes it, and however often. */
    static NotificationDelivered eventOf(String itemId, Instant deliveredAt, String timebankId, String memberId,
            String kind, String sourceEventId) {
        return new NotificationDelivered(UUID.nameUUIDFromBytes((itemId + ":delivered").getBytes(StandardCharsets.UTF_8)),
                deliveredAt, timebankId, memberId, itemId, Preferences.INBOX, kind, sourceEventId, 1);
    }

    /**
     * Publishes again the items of writers that stopped short: {@code written > published} and no
     * news from them for {@link #GRACE}. Reading their items is a scan on mongo-java-server, which
     * only happens after a crash or an outage. Writers done for a day are forgotten.
     */
    @Scheduled(fixedDelayString = "${reciprocity.outbox.sweep-interval:5s}",
            initialDelayString = "${reciprocity.outbox.sweep-interval:5s}")
    void sweep() {
        try {
            Instant now = clock.instant();
            for (Document writer : mongo.getCollection(COLLECTION).find()) {
                long written = writer.get("written", Number.class).longValue();
                long published = writer.get("published", Number.class).longValue();
                Instant updatedAt = writer.getDate("updatedAt").toInstant();
                if (written > published && updatedAt.isBefore(now.minus(GRACE))) {
                    republish(writer.getString("_id"), published, written);
                } else if (written <= published && updatedAt.isBefore(now.minus(FORGET_AFTER))) {
                    // only as read: a writer that has just begun a batch (written moved on) is kept
                    mongo.getCollection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", writer.getString("_id")),
                            Filters.eq("published", published), Filters.eq("written", written),
                            Filters.eq("updatedAt", writer.getDate("updatedAt"))));
                }
            }
        } catch (RuntimeException e) {
            log.warn("inbox announcement sweep failed, the next one retries: {}", e.getMessage());
        }
    }

    private void republish(String writer, long published, long written) {
        List<NotificationDelivered> events = new ArrayList<>();
        for (Document item : mongo.getCollection(Inbox.COLLECTION)
                .find(Filters.and(Filters.eq("writer", writer), Filters.gt("batch", published)))
                .sort(Sorts.ascending("batch"))) {
            events.add(eventOf(item.getString("_id"), item.getDate("deliveredAt").toInstant(),
                    item.getString("timebankId"), item.getString("memberId"), item.getString("kind"),
                    item.getString("sourceEventId")));
        }
        try {
            publish(events);
            mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", writer),
                    Filters.eq("published", published)), Updates.set("published", written));
            log.info("announced again {} inbox items of writer {}", events.size(), writer);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("{} inbox items of writer {} not announced yet: {}", events.size(), writer, e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
