package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox relay on mongo-java-server: a batch of outboxes is published and emptied in one go;
 * what a crash left in an outbox is published by the scan after start-up and by each later scan;
 * a publish that failed is retried at the next sweep on its own, without waiting for a scan.
 */
class OutboxRelayTest {

    private static final Duration SCAN_EVERY = Duration.ofMinutes(1);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "sweep-test");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<String> published = new ArrayList<>();
    private boolean brokerAway;
    private final OutboxRelay relay = new OutboxRelay(mongo, publisher(), Set.of("contributions"), SCAN_EVERY, clock);

    private String hostPort() {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void a_batch_of_known_and_read_back_outboxes_is_published_and_emptied() {
        OutboxEntry a = entry(clock.instant());
        OutboxEntry b = entry(clock.instant());
        OutboxEntry c = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(a))), "ledger_entries");
        mongo.insert(new Document("_id", "tb/2").append("outbox", List.of(bson(b))), "ledger_entries");
        mongo.insert(new Document("_id", "tb/c").append("outbox", List.of(bson(c))), "contributions");

        relay.flushPending(List.of(
                new OutboxRelay.Pending("ledger_entries", "tb/1", List.of(a)),
                OutboxRelay.Pending.readBack("contributions", "tb/c"),
                new OutboxRelay.Pending("ledger_entries", "tb/2", List.of(b))));

        assertThat(published).hasSize(3);
        for (String[] doc : List.of(new String[] {"ledger_entries", "tb/1"}, new String[] {"ledger_entries", "tb/2"},
                new String[] {"contributions", "tb/c"})) {
            assertThat(mongo.findById(doc[1], Document.class, doc[0]).getList("outbox", Object.class))
                    .as(doc[1]).isEmpty();
        }
    }

    @Test
    void an_outbox_a_crash_left_behind_is_published_by_the_first_sweep_and_emptied() {
        OutboxEntry left = entry(clock.instant().minusSeconds(30));
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(left))), "contributions");

        relay.sweep();

        assertThat(published).containsExactly(left.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
    }

    @Test
    void an_outbox_its_writer_is_still_publishing_is_left_to_it() {
        OutboxEntry fresh = entry(clock.instant().minusMillis(500));
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(fresh))), "contributions");

        relay.sweep();

        assertThat(published).isEmpty();
        assertThat(outboxOf("tb/1")).hasSize(1);
    }

    @Test
    void a_failed_publish_is_retried_at_the_next_sweep_and_a_crash_left_outbox_waits_for_the_next_scan() {
        relay.sweep(); // the start-up scan: nothing yet
        OutboxEntry failed = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(failed))), "contributions");
        brokerAway = true;
        relay.flush("contributions", "tb/1");
        assertThat(outboxOf("tb/1")).hasSize(1);
        OutboxEntry crashLeft = entry(clock.instant().minusSeconds(30));
        mongo.insert(new Document("_id", "tb/2").append("outbox", List.of(bson(crashLeft))), "contributions");
        brokerAway = false;

        clock.advance(Duration.ofSeconds(5));
        relay.sweep();

        assertThat(published).containsExactly(failed.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
        assertThat(outboxOf("tb/2")).hasSize(1);

        clock.advance(SCAN_EVERY);
        relay.sweep();

        assertThat(published).containsExactly(failed.eventId(), crashLeft.eventId());
        assertThat(outboxOf("tb/2")).isEmpty();
    }

    @Test
    void failed_documents_are_retried_in_the_order_their_changes_happened_until_the_broker_is_back() {
        relay.sweep(); // the start-up scan: nothing yet
        List<OutboxRelay.Pending> written = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            OutboxEntry e = entry(clock.instant());
            String id = "tb/" + String.format("%012d", 8 - i); // ids that do not sort in write order
            mongo.insert(new Document("_id", id).append("outbox", List.of(bson(e))), "contributions");
            written.add(new OutboxRelay.Pending("contributions", id, List.of(e)));
            events.add(e.eventId());
        }
        brokerAway = true;
        assertThat(relay.flushPending(written)).isFalse();

        clock.advance(Duration.ofSeconds(5));
        relay.sweep(); // still away: the retry fails and waits again

        assertThat(published).isEmpty();
        brokerAway = false;
        clock.advance(Duration.ofSeconds(5));
        relay.sweep();

        assertThat(published).containsExactlyElementsOf(events);
        written.forEach(d -> assertThat(outboxOf(d.id().toString())).isEmpty());
    }

    private EventPublisher publisher() {
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any())).thenAnswer(call -> {
            if (brokerAway) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            published.add(call.getArgument(0, DomainEvent.class).eventId().toString());
            return CompletableFuture.completedFuture(null);
        });
        return publisher;
    }

    private List<Object> outboxOf(String id) {
        return mongo.findById(id, Document.class, "contributions").getList("outbox", Object.class);
    }

    private static OutboxEntry entry(Instant occurredAt) {
        return OutboxEntry.of(new ContributionWithdrawn(UUID.randomUUID(), occurredAt, "tb", "c", "m1", "m1", "m2"));
    }

    private static Document bson(OutboxEntry e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("payload", e.payload())
                .append("occurredAt", Date.from(e.occurredAt()));
    }
}
