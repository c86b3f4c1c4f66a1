package org.reciprocity.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The look log against a real store over the wire (mongo-java-server over TCP): a page of rows is
 * one look per member, and the nightly retention removes the months past two years and nothing else.
 */
class ReadLogRetentionIT {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT;
    private static final MongoTemplate MONGO;

    static {
        InetSocketAddress address = SERVER.bind();
        CLIENT = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MONGO = new MongoTemplate(CLIENT, "kit-read-log");
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @BeforeEach
    void empty() {
        MONGO.getDb().drop();
    }

    private static ReadLog at(String instant) {
        return new ReadLog(MONGO, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static void lookAt(String instant, String member) {
        at(instant).record("tb", "coord", Relation.COORDINATOR, member, "READ_MEMBER", ReadReason.SUPPORT_REQUEST);
    }

    @Test
    void a_page_of_rows_is_one_look_at_each_member_shown_once_each_and_never_the_readers_own() {
        at("2026-12-02T10:00:00Z").recordAll("tb", "staff", Relation.REVIEWER, List.of("m1", "m2", "m1", "staff", "m3"),
                "READ_REVIEW", ReadReason.REVIEW);

        ReadLog log = at("2026-12-02T11:00:00Z");
        for (String member : List.of("m1", "m2", "m3")) {
            assertThat(log.of("tb", member)).singleElement().satisfies(read -> {
                assertThat(read.readerId()).isEqualTo("staff");
                assertThat(read.readerRole()).isEqualTo(Relation.REVIEWER);
                assertThat(read.what()).isEqualTo("READ_REVIEW");
            });
        }
        assertThat(log.of("tb", "staff")).isEmpty();
        assertThat(MONGO.getCollection(ReadLog.COLLECTION).countDocuments()).isEqualTo(3);
    }

    @Test
    void retention_removes_the_months_past_two_years_and_keeps_every_month_the_list_still_shows() {
        lookAt("2024-11-30T23:59:59Z", "m1");   // 25 months before December 2026: past its time
        lookAt("2023-01-15T10:00:00Z", "m2");   // long past
        lookAt("2024-12-01T00:00:00Z", "m1");   // the oldest month still shown
        lookAt("2026-12-01T09:00:00Z", "m1");   // this month
        lookAt("2025-06-10T09:00:00Z", "m3");

        ReadLog log = at("2026-12-31T23:00:00Z");
        List<Instant> shownBefore = log.of("tb", "m1").stream().map(r -> r.at()).toList();

        long removed = log.forgetOld(Instant.parse("2026-12-31T23:00:00Z"));

        assertThat(removed).isEqualTo(2);
        assertThat(MONGO.findAll(Document.class, ReadLog.COLLECTION)).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("tb/m1/2024-12", "tb/m1/2026-12", "tb/m3/2025-06");
        assertThat(log.of("tb", "m1")).extracting(r -> r.at()).isEqualTo(shownBefore)
                .containsExactly(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2024-12-01T00:00:00Z"));
        // a second instance running the same night finds nothing more to do
        assertThat(log.forgetOld(Instant.parse("2026-12-31T23:30:00Z"))).isZero();
    }

    @Test
    void the_nightly_job_applies_it_at_the_services_clock() {
        lookAt("2024-01-10T10:00:00Z", "m1");
        lookAt("2026-01-10T10:00:00Z", "m1");
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T03:43:00Z"), ZoneOffset.UTC);

        new ReadLogRetention(new ReadLog(MONGO, clock), clock).daily();

        assertThat(MONGO.findAll(Document.class, ReadLog.COLLECTION)).extracting(d -> d.getString("_id"))
                .containsExactly("tb/m1/2026-01");
    }
}
