package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
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
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The relay's batched flush on mongo-java-server: known entries are published and every outbox is emptied. */
class OutboxBatchFlushTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "outbox-test");

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
    void aBatchOfKnownAndReadBackOutboxesIsPublishedAndEmptied() {
        OutboxEntry a = entry();
        OutboxEntry b = entry();
        OutboxEntry c = entry();
        mongo.insert(new Document("_id", "tb/1").append("outbox", List.of(bson(a))), "ledger_entries");
        mongo.insert(new Document("_id", "tb/2").append("outbox", List.of(bson(b))), "ledger_entries");
        mongo.insert(new Document("_id", "tb/c").append("outbox", List.of(bson(c))), "contributions");
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any())).thenReturn(CompletableFuture.completedFuture(null));

        new OutboxRelay(mongo, publisher, Set.of()).flushPending(List.of(
                new OutboxRelay.Pending("ledger_entries", "tb/1", List.of(a)),
                OutboxRelay.Pending.readBack("contributions", "tb/c"),
                new OutboxRelay.Pending("ledger_entries", "tb/2", List.of(b))));

        verify(publisher, times(3)).publish(any());
        for (String[] doc : List.of(new String[] {"ledger_entries", "tb/1"}, new String[] {"ledger_entries", "tb/2"},
                new String[] {"contributions", "tb/c"})) {
            assertThat(mongo.findById(doc[1], Document.class, doc[0]).getList("outbox", Object.class))
                    .as(doc[1]).isEmpty();
        }
    }

    private static OutboxEntry entry() {
        return OutboxEntry.of(new ContributionWithdrawn(UUID.randomUUID(), Instant.now(), "tb", "c", "m1", "m1", "m2"));
    }

    private static Document bson(OutboxEntry e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("payload", e.payload());
    }
}
