package org.reciprocity.kit.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.erasure.ErasureConfirmed;
import org.reciprocity.contracts.invitation.InvitationWithdrawn;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class KitErasureTest {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT;
    private static final MongoTemplate MONGO;

    static {
        InetSocketAddress address = SERVER.bind();
        CLIENT = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MONGO = new MongoTemplate(CLIENT, "kit-erasure");
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @BeforeEach
    void empty() {
        MONGO.getDb().drop();
    }

    @Test
    void forgetsParkedPayloadsAndKeptAnswersThatNameTheMember() {
        MONGO.insert(new Document("_id", "p1").append("key", "m-1").append("payload", "{\"displayName\":\"Ali\"}"),
                KitErasure.PARKED);
        MONGO.insert(new Document("_id", "p2").append("key", "tb-1").append("payload", "{\"memberId\":\"m-1\"}"),
                KitErasure.PARKED);
        MONGO.insert(new Document("_id", "p3").append("key", "m-2").append("payload", "{\"displayName\":\"Bo\"}"),
                KitErasure.PARKED);
        MONGO.insert(new Document("_id", "k1").append("body", new Binary("{\"id\":\"m-1\",\"name\":\"Ali\"}"
                .getBytes(StandardCharsets.UTF_8))), KitErasure.IDEMPOTENCY);
        MONGO.insert(new Document("_id", "k2").append("body", new Binary("{\"id\":\"m-2\"}"
                .getBytes(StandardCharsets.UTF_8))), KitErasure.IDEMPOTENCY);

        List<String> checked = new KitErasure(MONGO).forget("m-1");
        new KitErasure(MONGO).forget("m-1"); // twice is once

        assertThat(checked).containsExactly(KitErasure.PARKED, KitErasure.IDEMPOTENCY);
        assertThat(MONGO.findById("p1", Document.class, KitErasure.PARKED)).doesNotContainKey("payload")
                .containsEntry("erased", true);
        assertThat(MONGO.findById("p2", Document.class, KitErasure.PARKED)).doesNotContainKey("payload");
        assertThat(MONGO.findById("p3", Document.class, KitErasure.PARKED)).containsKey("payload");
        assertThat(MONGO.findAll(Document.class, KitErasure.IDEMPOTENCY)).extracting(d -> d.get("_id"))
                .containsExactly("k2");
    }

    @Test
    void confirmsOnceWithTheConfirmationInTheOutbox() {
        ErasureConfirmations confirmations = new ErasureConfirmations(MONGO, "matching-service", clock);

        assertThat(confirmations.confirmed("tb-1", "m-1")).isFalse();
        assertThat(confirmations.confirm("tb-1", "m-1", List.of("profiles", "listings"))).isTrue();
        assertThat(confirmations.confirm("tb-1", "m-1", List.of("profiles", "listings"))).isFalse();

        Document stored = MONGO.findById("tb-1/m-1", Document.class, ErasureConfirmations.COLLECTION);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).hasSize(1);
        OutboxEntry entry = MONGO.getConverter().read(OutboxEntry.class, outbox.get(0));
        assertThat(entry.toEvent()).isInstanceOfSatisfying(ErasureConfirmed.class, event -> {
            assertThat(event.memberId()).isEqualTo("m-1");
            assertThat(event.service()).isEqualTo("matching-service");
            assertThat(event.collections()).containsExactly("profiles", "listings");
        });
        assertThat(confirmations.confirmed("tb-1", "m-1")).isTrue();
    }

    @Test
    void confirmsOnceWithTheOtherEventsAfterTheConfirmationInTheSameOutbox() {
        ErasureConfirmations confirmations = new ErasureConfirmations(MONGO, "identity-service", clock);
        InvitationWithdrawn withdrawn = new InvitationWithdrawn(java.util.UUID.randomUUID(), clock.instant(), "tb-1", "m-1");

        assertThat(confirmations.confirm("tb-1", "m-1", List.of("accounts"), List.of(withdrawn))).isTrue();
        assertThat(confirmations.confirm("tb-1", "m-1", List.of("accounts"), List.of(withdrawn))).isFalse();

        Document stored = MONGO.findById(ErasureConfirmations.id("tb-1", "m-1"), Document.class,
                ErasureConfirmations.COLLECTION);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).hasSize(2);
        assertThat(MONGO.getConverter().read(OutboxEntry.class, outbox.get(0)).toEvent())
                .isInstanceOf(ErasureConfirmed.class);
        assertThat(MONGO.getConverter().read(OutboxEntry.class, outbox.get(1)).toEvent()).isEqualTo(withdrawn);
    }
}
