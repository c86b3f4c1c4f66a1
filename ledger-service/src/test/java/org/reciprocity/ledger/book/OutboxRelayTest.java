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
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.ParkedEvent;
import org.reciprocity.kit.outbox.ParkedEvents;
import org.springframework.kafka.core.KafkaProducerException;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox relay on mongo-java-server: a batch of outboxes is published and emptied in one go;
 * what a crash left in an outbox is published by the scan after start-up and by each later scan;
 * a publish that failed is retried at the next sweep on its own, without waiting for a scan; an
 * event the broker refuses for good is parked (issue 11, finding 7), never retried. An event whose
 * acknowledgement came late is sent once, not again by the retry or the scan (issue 19); a writer
 * handing its document over does not send on its own thread.
 */
class OutboxRelayTest {

    private static final Duration SCAN_EVERY = Duration.ofMinutes(1);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "sweep-test");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<String> published = new ArrayList<>();
    private boolean brokerAway;
    private boolean retriableFailure;
    private final Set<String> refusedForGood = new java.util.HashSet<>();
    /** Every send handed to the producer, by event id, whatever became of it. */
    private final List<String> sends = new ArrayList<>();
    /** While set, the producer holds what it is sent (no leader yet) until the test completes it. */
    private List<CompletableFuture<Object>> held;
    /** The thread each send was made on. */
    private final Set<Thread> sendingThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** flush publishes on the caller's thread here, so that each step is done when the call returns. */
    private final OutboxRelay relay = new OutboxRelay(mongo, publisher(), Set.of("contributions"), SCAN_EVERY, clock,
            new ParkedEvents(mongo), Duration.ofMillis(100), Runnable::run);

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

    @Test
    void an_event_the_broker_refuses_for_good_is_parked_once_and_the_events_after_it_go_out() {
        OutboxEntry first = entry(clock.instant());
        OutboxEntry tooLarge = entry(clock.instant());
        OutboxEntry after = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(first), bson(tooLarge))), "contributions");
        mongo.insert(new Document("_id", "tb/2").append("outbox", List.of(bson(after))), "contributions");
        refusedForGood.add(tooLarge.eventId());

        boolean done = relay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", "tb/1"),
                OutboxRelay.Pending.readBack("contributions", "tb/2")));

        assertThat(done).as("nothing left to retry").isTrue();
        assertThat(published).containsExactly(first.eventId(), after.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
        assertThat(outboxOf("tb/2")).isEmpty();
        ParkedEvent parked = new ParkedEvents(mongo).byId(tooLarge.eventId()).orElseThrow();
        assertThat(parked.type()).isEqualTo("reciprocity.ContributionWithdrawn.v1");
        assertThat(parked.topic()).isEqualTo("reciprocity.contributions.v1");
        assertThat(parked.timebankId()).isEqualTo("tb");
        assertThat(parked.key()).isEqualTo("c");
        assertThat(parked.collection()).isEqualTo("contributions");
        assertThat(parked.documentId()).isEqualTo("tb/1");
        assertThat(parked.payload()).isEqualTo(tooLarge.payload());
        assertThat(parked.error()).startsWith("RecordTooLargeException");
        assertThat(parked.parkedAt()).isEqualTo(clock.instant());

        // the same event refused again (another instance, a crash before its outbox was emptied): still one
        mongo.insert(new Document("_id", "tb/3").append("outbox", List.of(bson(tooLarge))), "contributions");
        assertThat(relay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", "tb/3")))).isTrue();
        assertThat(new ParkedEvents(mongo).summary().count()).isEqualTo(1);
        assertThat(outboxOf("tb/3")).isEmpty();
    }

    @Test
    void an_entry_that_cannot_be_read_back_as_an_event_is_parked_with_its_timebank() {
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(new Document("eventId", "e-1")
                .append("type", "NoSuchEvent").append("payload", "{\"timebankId\":\"tb\"}"))), "contributions");

        assertThat(relay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", "tb/1")))).isTrue();

        ParkedEvent parked = new ParkedEvents(mongo).byId("e-1").orElseThrow();
        assertThat(parked.timebankId()).isEqualTo("tb");
        assertThat(parked.topic()).isNull();
        assertThat(outboxOf("tb/1")).isEmpty();
    }

    @Test
    void a_payload_too_large_to_keep_is_parked_as_its_size_and_its_first_kilobyte() {
        String huge = "x".repeat(5 * 1024 * 1024);
        OutboxEntry large = OutboxEntry.of(new ContributionWithdrawn(UUID.randomUUID(), clock.instant(), "tb", "c",
                huge, "m1", "m2"));
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(large))), "contributions");
        refusedForGood.add(large.eventId());

        assertThat(relay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", "tb/1")))).isTrue();

        ParkedEvent parked = new ParkedEvents(mongo).byId(large.eventId()).orElseThrow();
        assertThat(parked.payload()).isNull();
        assertThat(parked.payloadBytes()).isEqualTo(large.payload().length());
        assertThat(parked.payloadStart()).hasSize(1024).isEqualTo(large.payload().substring(0, 1024));
    }

    @Test
    void a_retriable_failure_is_retried_at_the_next_sweep_and_never_parked() {
        relay.sweep(); // the start-up scan: nothing yet
        OutboxEntry waiting = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(waiting))), "contributions");
        retriableFailure = true;

        assertThat(relay.flushPending(List.of(OutboxRelay.Pending.readBack("contributions", "tb/1")))).isFalse();

        assertThat(outboxOf("tb/1")).hasSize(1);
        assertThat(new ParkedEvents(mongo).summary().count()).isZero();
        retriableFailure = false;
        clock.advance(Duration.ofSeconds(5));
        relay.sweep();
        assertThat(published).containsExactly(waiting.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
        assertThat(new ParkedEvents(mongo).summary().count()).isZero();
    }

    @Test
    void an_event_whose_acknowledgement_comes_late_is_sent_once_and_removed_once_acknowledged() {
        relay.sweep(); // the start-up scan: nothing yet
        OutboxEntry late = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(late))), "contributions");
        held = new ArrayList<>();

        relay.flush("contributions", "tb/1"); // the wait for its acknowledgement runs out: still in the producer
        assertThat(outboxOf("tb/1")).hasSize(1);
        clock.advance(Duration.ofSeconds(5));
        relay.sweep(); // retried: waits for the same send
        clock.advance(SCAN_EVERY);
        relay.sweep(); // scanned, past the grace: waits for the same send

        assertThat(sends).as("sent once, however often it was found waiting").containsExactly(late.eventId());
        assertThat(outboxOf("tb/1")).hasSize(1);
        assertThat(relay.inFlight()).isEqualTo(1);

        held.forEach(ack -> ack.complete(null)); // the broker is back: the producer delivers it
        clock.advance(Duration.ofSeconds(5));
        relay.sweep();

        assertThat(sends).containsExactly(late.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
        assertThat(relay.inFlight()).isZero();
    }

    @Test
    void outboxes_read_before_their_entries_were_removed_do_not_send_those_again() {
        OutboxEntry e = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(e))), "contributions");
        // read by a writer catching up (or a scan) just before the relay published and removed it
        OutboxRelay.Pending readEarlier = new OutboxRelay.Pending("contributions", "tb/1", List.of(e));
        assertThat(relay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", "tb/1")))).isTrue();

        assertThat(relay.tryFlush(List.of(readEarlier))).isTrue();

        assertThat(sends).as("acknowledged once, sent once").containsExactly(e.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
    }

    @Test
    void an_event_whose_send_failed_in_the_end_is_sent_again() {
        relay.sweep(); // the start-up scan: nothing yet
        OutboxEntry failed = entry(clock.instant());
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(failed))), "contributions");
        held = new ArrayList<>();
        relay.flush("contributions", "tb/1");
        held.forEach(ack -> ack.completeExceptionally(new KafkaProducerException(null, "Failed to send",
                new TimeoutException("Expiring 1 record(s): 120000 ms has passed since batch creation"))));
        held = null;

        clock.advance(Duration.ofSeconds(5));
        relay.sweep();

        assertThat(sends).containsExactly(failed.eventId(), failed.eventId());
        assertThat(published).containsExactly(failed.eventId());
        assertThat(outboxOf("tb/1")).isEmpty();
    }

    @Test
    void the_writer_hands_its_document_over_and_never_sends_on_its_own_thread() throws Exception {
        var publishing = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            OutboxRelay handedOver = new OutboxRelay(mongo, publisher(), Set.of("contributions"), SCAN_EVERY, clock,
                    new ParkedEvents(mongo), Duration.ofMillis(100), publishing);
            OutboxEntry e = entry(clock.instant());
            mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(e))), "contributions");
            held = new ArrayList<>(); // the broker away: a send would wait

            handedOver.flush("contributions", "tb/1");

            publishing.submit(() -> { }).get(); // the relay's thread has done what it was handed
            assertThat(sends).containsExactly(e.eventId());
            assertThat(sendingThreads).doesNotContain(Thread.currentThread());
        } finally {
            publishing.shutdownNow();
        }
    }

    private EventPublisher publisher() {
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any())).thenAnswer(call -> {
            sends.add(call.getArgument(0, DomainEvent.class).eventId().toString());
            sendingThreads.add(Thread.currentThread());
            if (held != null) {
                CompletableFuture<Object> ack = new CompletableFuture<>();
                held.add(ack);
                String id = call.getArgument(0, DomainEvent.class).eventId().toString();
                return ack.thenApply(done -> {
                    published.add(id);
                    return done;
                });
            }
            if (brokerAway) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            if (retriableFailure) {
                return CompletableFuture.failedFuture(new KafkaProducerException(null, "Failed to send",
                        new TimeoutException("Expiring 1 record(s): 120000 ms has passed since batch creation")));
            }
            if (refusedForGood.contains(call.getArgument(0, DomainEvent.class).eventId().toString())) {
                return CompletableFuture.failedFuture(new KafkaProducerException(null, "Failed to send",
                        new RecordTooLargeException("The message is 1048677 bytes when serialized which is larger than 1048576")));
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
