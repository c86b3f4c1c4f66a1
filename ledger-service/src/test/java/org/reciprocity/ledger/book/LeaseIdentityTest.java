package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two ledger instances on one host (here two sets of leases in one JVM, over mongo-java-server):
 * each signs its leases as itself, so one whose lease ran out during a pause can neither renew
 * nor give back the lease the other took meanwhile.
 */
class LeaseIdentityTest {

    private static final String TIMEBANK = "tb-lease";
    private static final String LEASE = "ledger-writer:" + TIMEBANK;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "lease-test");
    private final MutableClock pausedClock = new MutableClock(Instant.now());
    private final WriteLeases paused = new WriteLeases(mongo, pausedClock);
    private final WriteLeases other = new WriteLeases(mongo);

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
    void twoInstancesOnOneHostSignTheirLeasesDifferently() {
        assertThat(paused.holder()).isNotEqualTo(other.holder());
        assertThat(paused.claim(TIMEBANK)).isPresent();
        assertThat(lease().getString("lockedBy")).isEqualTo(paused.holder());
    }

    @Test
    void anInstanceWhoseLeaseRanOutCannotRenewTheLeaseAnotherInstanceOnItsHostTook() {
        assertThat(paused.claim(TIMEBANK)).isPresent();
        leaseRunsOutDuringAPause();
        assertThat(other.claim(TIMEBANK)).isPresent();
        Date othersUntil = lease().getDate("lockUntil");

        // the paused instance wakes when its own lease is due for renewal
        pausedClock.advance(Duration.ofSeconds(6));

        assertThat(paused.claim(TIMEBANK)).as("the paused instance writes no more").isEmpty();
        assertThat(lease().getString("lockedBy")).isEqualTo(other.holder());
        assertThat(lease().getDate("lockUntil")).isEqualTo(othersUntil);
        assertThat(other.claim(TIMEBANK)).isPresent();
    }

    @Test
    void anInstanceWhoseLeaseRanOutCannotGiveBackTheLeaseAnotherInstanceOnItsHostTook() {
        assertThat(paused.claim(TIMEBANK)).isPresent();
        leaseRunsOutDuringAPause();
        assertThat(other.claim(TIMEBANK)).isPresent();
        Date othersUntil = lease().getDate("lockUntil");

        paused.release(TIMEBANK); // idle, or shutting down, as it believes

        assertThat(lease().getString("lockedBy")).isEqualTo(other.holder());
        assertThat(lease().getDate("lockUntil")).isEqualTo(othersUntil);
        assertThat(new WriteLeases(mongo).claim(TIMEBANK)).as("a third instance").isEmpty();
    }

    /** The paused instance still believes it holds the lease; in the database it has ended. */
    private void leaseRunsOutDuringAPause() {
        mongo.getCollection(WriteLeases.COLLECTION).updateOne(new Document("_id", LEASE),
                new Document("$set", new Document("lockUntil", Date.from(Instant.now().minusMillis(1)))));
    }

    private Document lease() {
        return mongo.findById(LEASE, Document.class, WriteLeases.COLLECTION);
    }
}
