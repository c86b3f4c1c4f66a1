package org.reciprocity.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.notification.NotificationServiceIT;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;

/** An inbox item written by a writer that stopped before announcing it is announced by the sweep. */
class InboxAnnouncementsIT extends NotificationServiceIT {

    @Autowired
    InboxAnnouncements announcements;

    @Test
    void theItemsOfAWriterThatStoppedShortAreAnnouncedByTheSweep() {
        String writer = "crashed/" + UUID.randomUUID();
        String announced = "e-" + UUID.randomUUID() + ":m-1:INBOX";
        String lost = "e-" + UUID.randomUUID() + ":m-1:INBOX";
        Date longAgo = Date.from(clock.instant().minus(InboxAnnouncements.GRACE).minusSeconds(5));
        mongo.getCollection(InboxAnnouncements.COLLECTION).insertOne(new Document("_id", writer)
                .append("written", 2L).append("published", 1L).append("updatedAt", longAgo));
        mongo.getCollection(Inbox.COLLECTION).insertMany(List.of(item(announced, writer, 1, longAgo),
                item(lost, writer, 2, longAgo)));

        announcements.sweep();

        List<ConsumerRecord<String, byte[]>> audit = TopicProbe.readUntil(bootstrap, Topics.NOTIFICATIONS_TOPIC,
                r -> "reciprocity.NotificationDelivered.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains(lost), Duration.ofSeconds(20));
        assertThat(audit).anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(lost));
        assertThat(audit).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(announced));
        assertThat(mongo.getCollection(InboxAnnouncements.COLLECTION).find(new Document("_id", writer)).first()
                .get("published", Number.class).longValue()).isEqualTo(2L);
    }

    private static Document item(String id, String writer, long batch, Date at) {
        return new Document("_id", id).append("timebankId", "tb-announce").append("memberId", "m-1")
                .append("kind", "PLEASE_CONFIRM").append("params", new Document(Map.of()))
                .append("sourceEventId", id.substring(0, id.indexOf(':'))).append("occurredAt", at)
                .append("deliveredAt", at).append("writer", writer).append("batch", batch);
    }
}
