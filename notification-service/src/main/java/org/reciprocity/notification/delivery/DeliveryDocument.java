package org.reciprocity.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.notification.message.MessageKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery log of outbound channels. {@code _id} is the (event, recipient, channel) key. The
 * unique {_id, status} index is redundant on real MongoDB but lets mongo-java-server serve the
 * conditional "claim if still PENDING" update as a direct lookup instead of a collection scan.
 * Audit events wait in {@code outbox} until the relay has published them.
 */
@Document("deliveries")
@CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)
record DeliveryDocument(@Id String id, String timebankId, String recipientId, String channel, String kind,
                        Map<String, String> params, String sourceEventId, Instant occurredAt, String status,
                        boolean digest, int attempts, Instant nextAttemptAt, Instant claimedAt, String lastError,
                        Instant sentAt, List<OutboxEntry> outbox) {

    static DeliveryDocument of(Delivery d) {
        return new DeliveryDocument(d.id(), d.timebankId(), d.recipientId(), d.channel(), d.kind().name(), d.params(),
                d.sourceEventId(), d.occurredAt(), d.status().name(), d.digest(), d.attempts(), d.nextAttemptAt(),
                d.claimedAt(), d.lastError(), d.sentAt(), List.of());
    }

    Delivery toDelivery() {
        return new Delivery(id, timebankId, recipientId, channel, MessageKind.valueOf(kind), params, sourceEventId,
                occurredAt, DeliveryStatus.valueOf(status), digest, attempts, nextAttemptAt, claimedAt, lastError, sentAt);
    }
}
