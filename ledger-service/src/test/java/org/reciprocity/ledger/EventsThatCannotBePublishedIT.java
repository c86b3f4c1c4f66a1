package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.EventTypes;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.kit.messaging.EventPublisher;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.outbox.ParkedEvents;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestClock;
import org.reciprocity.testsupport.TestTokens;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 11, finding 7: an event the broker refuses for good is parked where a person sees it,
 * and the events its timebank writes after it still go out; the broker being away is not such a
 * refusal. The API caps every text, so the test makes an event too large the other way: a ledger whose
 * producer takes records of at most 2 KiB ({@code max.request.size}), and a {@code TransferReversed} as
 * ledgers wrote it before session 12, with its reason (500 three-byte characters, about 2.4 KB), left
 * waiting in the reversal's outbox; every event written now stays well under 2 KiB (since issue 18 no
 * one's words travel on a topic at all). The real
 * producer then refuses it with {@code RecordTooLargeException}, as it would a 1 MB suspension
 * reason at its default limit. This ledger has its own database, so its outbox scan never meets
 * another test's outboxes.
 */
class EventsThatCannotBePublishedIT {

    private static final String DATABASE = "ledger_parked";
    private static final String TOO_LONG_FOR_THE_BROKER = "時".repeat(500);

    private static ConfigurableApplicationContext ledger;
    private static final List<DefaultKafkaProducerFactory<String, DomainEvent>> producers = new java.util.ArrayList<>();
    private static LedgerFixture given;

    @BeforeAll
    static void startALedgerWhoseBrokerTakesSmallRecordsOnly() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.kafka.producer.properties[max.request.size]=2048",
                "--spring.mongodb.uri=" + infrastructure.mongoUri(DATABASE),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infrastructure.tokens().jwkSetUri(),
                "--reciprocity.security.issuer=" + infrastructure.tokens().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                "--reciprocity.outbox.sweep-interval=1s",
                // the refused event is put into an outbox the lane has already published, so only the sweep for
                // leftovers finds it: every second here, not every minute (it once ran 5 s after the start, before
                // the event was put there on a loaded machine, and next a minute later, after the 30 s wait)
                "--" + TestClock.QUICK_OUTBOX_SCANS,
                "--spring.main.banner-mode=off");
        // its consumer would take partitions of ledger.matches from the other ledger of this JVM
        ledger.getBean(KafkaListenerEndpointRegistry.class).stop();
        given = new LedgerFixture(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Timeout(60) // on the old relay the lane retried the refused batch for ever, and nothing after it went out
    void anEventTooLargeForTheBrokerIsParkedAndTheTimebanksLaterEventsStillGoOut() {
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        String contribution = given.logGiven(sam, ali, 30).text("id");
        String transfer = given.validate(contribution, ali, "thanks").text("transferId");
        ApiClient.Response reversed = given.api.post(given.path("/transfers/" + transfer + "/reversal"),
                given.coordinator(), Map.of("reason", TOO_LONG_FOR_THE_BROKER));
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
        String reversal = reversed.text("transferId");
        // since session 12 the reason stays in the ledger: the event as a ledger of before wrote it, still
        // waiting in the reversal's outbox at the upgrade, is the one too large for the broker
        TransferReversed legacy = new TransferReversed(UUID.randomUUID(), Instant.now().minusSeconds(60), given.timebank,
                reversal, transfer, "coordinator", TOO_LONG_FOR_THE_BROKER, 30);
        OutboxEntry waiting = OutboxEntry.of(legacy);
        mongo().updateFirst(new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("entry.transferId").is(reversal)),
                new org.springframework.data.mongodb.core.query.Update().push("outbox", new Document("eventId",
                        waiting.eventId()).append("type", waiting.type()).append("payload", waiting.payload())
                        .append("occurredAt", Date.from(waiting.occurredAt()))), "ledger_entries");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> new ParkedEvents(mongo()).summary().count() == 1);

        ApiClient.Response later = given.logGiven(sam, ali, 20);
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        String laterId = later.text("id");

        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(
                SharedInfrastructure.get().kafkaBootstrapServers(), Topics.CONTRIBUTIONS_TOPIC,
                r -> laterId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(seen).as("the contribution logged after the refused event reaches its topic: the lane does not stall")
                .anyMatch(r -> laterId.equals(r.key())
                        && "reciprocity.ContributionLogged.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")));
        List<ConsumerRecord<String, byte[]>> entries = TopicProbe.readUntil(
                SharedInfrastructure.get().kafkaBootstrapServers(), Topics.LEDGER_TOPIC,
                r -> given.timebank.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains(reversal)
                        && "reciprocity.TransferPosted.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                Duration.ofSeconds(20));
        assertThat(entries).as("the reversal's own posting goes out").isNotEmpty();
        assertThat(entries).as("the refused event is not on the topic").noneMatch(r -> given.timebank.equals(r.key())
                && "reciprocity.TransferReversed.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type"))
                && new String(r.value(), StandardCharsets.UTF_8).contains(TOO_LONG_FOR_THE_BROKER));

        ApiClient.Response parked = given.api.get(given.path("/admin/parked-events"), given.admin());
        assertThat(parked.status()).as(parked.body()).isEqualTo(200);
        assertThat(parked.json().path("count").asLong()).isEqualTo(1);
        var event = parked.json().path("parkedEvents").path(0);
        assertThat(event.path("type").asString()).isEqualTo("reciprocity.TransferReversed.v1");
        assertThat(event.path("key").asString()).isEqualTo(given.timebank);
        assertThat(event.path("collection").asString()).isEqualTo("ledger_entries");
        assertThat(event.path("error").asString()).startsWith("RecordTooLargeException");
        assertThat(event.path("payloadKept").asBoolean()).isTrue();
        assertThat(event.has("payload")).as("the coordinator's words stay in the database").isFalse();
        assertThat(mongo().findById(event.path("eventId").asString(), Document.class, ParkedEvents.COLLECTION)
                .getString("payload")).contains(TOO_LONG_FOR_THE_BROKER);
        assertThat(mongo().find(new org.springframework.data.mongodb.core.query.Query(), Document.class, "ledger_entries")
                .stream().filter(e -> e.getString("_id").startsWith(given.timebank + "/"))
                .flatMap(e -> e.getList("outbox", Object.class, List.of()).stream()))
                .as("no outbox holds it any longer").isEmpty();

        ApiClient.Response health = given.api.get("/actuator/health", given.admin());
        var component = health.json().path("components").path("parkedEvents");
        assertThat(component.path("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(component.path("details").path("count").asLong()).isEqualTo(1);
        assertThat(component.path("details").has("oldest")).isTrue();
        assertThat(health.json().path("status").asString()).as("a parked event does not take the service down")
                .isEqualTo("UP");

        ApiClient.Response asCoordinator = given.api.get(given.path("/admin/parked-events"), given.coordinator());
        assertThat(asCoordinator.status()).isEqualTo(403);
        assertThat(asCoordinator.code()).isEqualTo("not-permitted");
    }

    @Test
    @Timeout(60)
    void aBrokerThatIsAwayIsWaitedForAndNothingIsParked() {
        MongoTemplate mongo = mongo();
        OutboxEntry waiting = OutboxEntry.of(new ContributionWithdrawn(UUID.randomUUID(), Instant.now(), "tb-away",
                "c-" + UUID.randomUUID(), "m1", "m1", "m2"));
        String document = "tb-away/" + UUID.randomUUID();
        mongo.insert(new Document("_id", document).append("outbox", List.of(new Document("eventId", waiting.eventId())
                .append("type", waiting.type()).append("payload", waiting.payload())
                .append("occurredAt", Date.from(waiting.occurredAt())))), "contributions");
        long parkedBefore = new ParkedEvents(mongo).summary().count();

        // a real producer whose broker does not answer (nothing listens on port 1)
        OutboxRelay awayRelay = new OutboxRelay(mongo, publisherTo("127.0.0.1:1"), Set.of(), OutboxRelay.SCAN_INTERVAL,
                Clock.systemUTC());
        assertThat(awayRelay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", document))))
                .as("not done: to be tried again").isFalse();
        assertThat(mongo.findById(document, Document.class, "contributions").getList("outbox", Object.class))
                .as("still waiting in its outbox").hasSize(1);
        assertThat(new ParkedEvents(mongo).summary().count()).as("nothing parked").isEqualTo(parkedBefore);

        OutboxRelay backRelay = new OutboxRelay(mongo, publisherTo(SharedInfrastructure.get().kafkaBootstrapServers()),
                Set.of(), OutboxRelay.SCAN_INTERVAL, Clock.systemUTC());
        assertThat(backRelay.tryFlush(List.of(OutboxRelay.Pending.readBack("contributions", document)))).isTrue();
        assertThat(mongo.findById(document, Document.class, "contributions").getList("outbox", Object.class)).isEmpty();
        assertThat(new ParkedEvents(mongo).summary().count()).isEqualTo(parkedBefore);
    }

    private static MongoTemplate mongo() {
        return ledger.getBean(MongoTemplate.class);
    }

    /** The kit's publishing (topic of the catalogue, subject as key, CloudEvents) over a producer of our own. */
    private static EventPublisher publisherTo(String bootstrap) {
        DefaultKafkaProducerFactory<String, DomainEvent> producer = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000), new StringSerializer(), new EventSerializer("/tests"));
        producers.add(producer);
        KafkaTemplate<String, DomainEvent> template = new KafkaTemplate<>(producer);
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any())).thenAnswer(call -> {
            DomainEvent event = call.getArgument(0, DomainEvent.class);
            return template.send(EventTypes.of(event).topic().name(), event.subject(), event);
        });
        return publisher;
    }
}
