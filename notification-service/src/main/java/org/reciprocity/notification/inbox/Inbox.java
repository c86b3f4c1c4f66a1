package org.reciprocity.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.reciprocity.contracts.notification.NotificationDelivered;
import org.reciprocity.notification.message.Notice;
import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.preference.Preferences;
import org.reciprocity.notification.support.Inserts;
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
    /** By contribution ({@code timebankId/contributionId}): the inbox items asking to confirm it. */
    static final String REQUESTS = "inbox_requests";

    private final MongoTemplate mongo;
    private final InboxAnnouncements announcements;
    private final Clock clock;

    Inbox(MongoTemplate mongo, InboxAnnouncements announcements, Clock clock) {
        this.mongo = mongo;
        this.announcements = announcements;
        this.clock = clock;
    }

    /**
     * Puts the notices in their recipients' inboxes, each at most once, and publishes a
     * {@code NotificationDelivered} for each new item (which also feeds the live streams).
     *
     * <p>The items are written as BSON documents in the shape Spring Data gives
     * {@link InboxItemDocument} (which reads them back), in one unordered insert: a redelivered
     * batch writes what is new and skips what exists in the same round trip. Each new item is its
     * own pending audit event; {@link InboxAnnouncements} publishes the events and keeps track of
     * which batches are announced.
     */
    public void deliver(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        InboxAnnouncements.Batch batch = announcements.begin();
        Date nowDate = Date.from(clock.instant());
        Instant now = nowDate.toInstant(); // as stored, so the event is the same when the sweep derives it again
        List<Document> items = new ArrayList<>(notices.size());
        for (Notice n : notices) {
            Document item = new Document("_id", n.deliveryId(Preferences.INBOX))
                    .append("timebankId", n.timebankId())
                    .append("memberId", n.recipientId())
                    .append("kind", n.kind().name())
                    .append("params", new Document(n.params()))
                    .append("sourceEventId", n.sourceEventId());
            if (n.occurredAt() != null) {
                item.append("occurredAt", Date.from(n.occurredAt()));
            }
            items.add(item.append("deliveredAt", nowDate)
                    .append("writer", batch.writer())
                    .append("batch", batch.number())
                    .append("_class", InboxItemDocument.class.getName()));
        }
        List<Integer> inserted;
        try {
            inserted = Inserts.newOnly(mongo.getCollection(COLLECTION), items);
        } catch (RuntimeException e) {
            // some items may be in without their events published: the writer stops here, the sweep announces them
            announcements.retire(batch);
            throw e;
        }
        // a duplicate was announced when it was first delivered, so nothing is announced twice
        List<NotificationDelivered> events = new ArrayList<>(inserted.size());
        for (int i : inserted) {
            Notice n = notices.get(i);
            events.add(InboxAnnouncements.eventOf(n.deliveryId(Preferences.INBOX), now, n.timebankId(), n.recipientId(),
                    n.kind().name(), n.sourceEventId()));
        }
        announcements.announceLater(batch, events);
        rememberRequests(notices);
    }

    /** Notes, by contribution, the items that ask a member to confirm it (looked up by id when it is answered). */
    private void rememberRequests(List<Notice> notices) {
        for (Notice n : notices) {
            String contribution = n.params().get(Notices.CONTRIBUTION);
            if (contribution != null) {
                mongo.upsert(Query.query(Criteria.where("_id").is(requestKey(n.timebankId(), contribution))),
                        new Update().addToSet("items", n.deliveryId(Preferences.INBOX)).set("timebankId", n.timebankId()),
                        REQUESTS);
            }
        }
    }

    /**
     * Closes the items that asked to confirm a contribution nobody needs to confirm any more: they
     * then say why (withdrawn, expired, confirmed…) instead of asking. Found by id, not by a scan of
     * every inbox; closing twice changes nothing.
     */
    public void closeRequests(Notices.Answered answered) {
        String key = requestKey(answered.timebankId(), answered.contributionId());
        Document requests = mongo.findById(key, Document.class, REQUESTS);
        if (requests == null) {
            return;
        }
        List<String> items = requests.getList("items", String.class, List.of());
        mongo.updateMulti(Query.query(Criteria.where("_id").in(items)),
                new Update().set("closedBecause", answered.because()), COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").is(key)), REQUESTS);
    }

    private static String requestKey(String timebankId, String contributionId) {
        return timebankId + "/" + contributionId;
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
