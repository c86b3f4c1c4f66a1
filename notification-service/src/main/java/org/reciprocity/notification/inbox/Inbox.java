package org.reciprocity.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.support.Inserts;
import org.reciprocity.notification.support.OutboxBatch;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Members' in-app inboxes, per member and per timebank. */
@Service
public class Inbox {

    static final String COLLECTION = "inbox_items";

    private final MongoTemplate mongo;
    private final OutboxBatch outbox;
    private final Clock clock;

    Inbox(MongoTemplate mongo, OutboxBatch outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Puts the notices in their recipients' inboxes, each at most once, and publishes a
     * {@code NotificationDelivered} for each new item (which also feeds the live streams).
     *
     * <p>The items are written as BSON documents in the shape Spring Data gives
     * {@link InboxItemDocument} (which reads them back), in one unordered insert: a redelivered
     * batch writes what is new and skips what exists in the same round trip. Each item carries its
     * audit event in its outbox, so the item and its event are written together; the events of the
     * new items are then published from memory on a background thread.
     */
    public void deliver(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Date nowDate = Date.from(now);
        List<Document> items = new ArrayList<>(notices.size());
        List<String> ids = new ArrayList<>(notices.size());
        List<NotificationDelivered> events = new ArrayList<>(notices.size());
        for (Notice n : notices) {
            String id = n.deliveryId(Preferences.INBOX);
            NotificationDelivered delivered = new NotificationDelivered(
                    UUID.nameUUIDFromBytes((id + ":delivered").getBytes(StandardCharsets.UTF_8)),
                    now, n.timebankId(), n.recipientId(), id, Preferences.INBOX, n.kind().name(), n.sourceEventId(), 1);
            OutboxEntry entry = OutboxEntry.of(delivered);
            Document item = new Document("_id", id)
                    .append("timebankId", n.timebankId())
                    .append("memberId", n.recipientId())
                    .append("kind", n.kind().name())
                    .append("params", new Document(n.params()))
                    .append("sourceEventId", n.sourceEventId());
            if (n.occurredAt() != null) {
                item.append("occurredAt", Date.from(n.occurredAt()));
            }
            item.append("deliveredAt", nowDate)
                    .append("outbox", List.of(new Document("eventId", entry.eventId()).append("type", entry.type())
                            .append("payload", entry.payload()).append("occurredAt", nowDate)))
                    .append("_class", InboxItemDocument.class.getName());
            items.add(item);
            ids.add(id);
            events.add(delivered);
        }
        List<Integer> inserted = Inserts.newOnly(mongo.getCollection(COLLECTION), items);
        // a duplicate's event was published when it was first delivered, so nothing is announced twice
        if (inserted.size() == items.size()) {
            outbox.publishInsertedLater(COLLECTION, ids, events);
        } else {
            outbox.publishInsertedLater(COLLECTION, inserted.stream().map(ids::get).toList(),
                    inserted.stream().map(events::get).toList());
        }
    }

    public Optional<InboxItem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, InboxItemDocument.class)).map(InboxItemDocument::toItem);
    }

    public List<InboxItem> list(String timebankId, String memberId, boolean unreadOnly, int limit) {
        Criteria criteria = Criteria.where("memberId").is(memberId).and("timebankId").is(timebankId);
        if (unreadOnly) {
            criteria = criteria.and("readAt").isNull();
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "deliveredAt")).limit(limit),
                InboxItemDocument.class).stream().map(InboxItemDocument::toItem).toList();
    }

    public long unread(String timebankId, String memberId) {
        return mongo.count(Query.query(Criteria.where("memberId").is(memberId).and("timebankId").is(timebankId)
                .and("readAt").isNull()), InboxItemDocument.class);
    }

    /** Marks the member's own item read; false when they have no such item. Reading twice keeps the first time. */
    public boolean markRead(String timebankId, String memberId, String itemId) {
        Optional<InboxItem> item = find(itemId)
                .filter(i -> i.memberId().equals(memberId) && i.timebankId().equals(timebankId));
        if (item.isEmpty()) {
            return false;
        }
        if (!item.get().read()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(itemId)), new Update().set("readAt", clock.instant()),
                    InboxItemDocument.class);
        }
        return true;
    }
}
