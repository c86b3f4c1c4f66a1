package org.reciprocity.notification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every integration test here: the whole service against the shared broker and
 * MongoDB, the JVM's GreenMail, quick retries, and a clock tests can move. All test classes
 * share one Spring context (same configuration), so there is one set of consumers.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
public abstract class NotificationServiceIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected TestClock clock;

    protected final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    protected ApiClient api;

    @DynamicPropertySource
    static void smtpAndPace(DynamicPropertyRegistry registry) {
        TestSmtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestSmtp.PORT);
        registry.add("reciprocity.notification.dispatch-interval", () -> "100ms");
        registry.add("reciprocity.notification.retry.initial-interval", () -> "300ms");
        registry.add("reciprocity.notification.retry.max-interval", () -> "2s");
        registry.add("reciprocity.notification.retry.max-attempts", () -> "5");
        // scheduled messages are triggered by the tests themselves, with the clock where they put it
        registry.add("reciprocity.notification.schedules.check-interval", () -> "1h");
    }

    @BeforeEach
    void setUpApiAndServers() {
        api = new ApiClient("http://localhost:" + port);
        TestSmtp.start();
        clock.reset();
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    /**
     * Sends the events and waits until the service knows the members (and the timebank's zone). A
     * member is sent as the ledger publishes them since issue 18: the registration without details,
     * and the details on their own topic ({@link Members}).
     */
    protected void known(org.reciprocity.contracts.DomainEvent... events) {
        for (org.reciprocity.contracts.DomainEvent event : events) {
            if (event instanceof org.reciprocity.contracts.member.MemberRegistered member) {
                org.reciprocity.testsupport.TopicProbe.send(bootstrap, Members.stripped(member));
                org.reciprocity.testsupport.TopicProbe.send(bootstrap, Members.details(member));
            } else {
                org.reciprocity.testsupport.TopicProbe.send(bootstrap, event);
            }
        }
        for (org.reciprocity.contracts.DomainEvent event : events) {
            String collection = event instanceof org.reciprocity.contracts.timebank.TimebankOpened ? "timebanks" : "recipients";
            String field = event instanceof org.reciprocity.contracts.timebank.TimebankOpened ? "zoneId" : "displayName";
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                org.bson.Document found = mongo.getCollection(collection)
                        .find(new org.bson.Document("_id", event.subject())).first();
                return found != null && found.get(field) != null;
            });
        }
    }

    /** The delivery log entry of an outbound delivery, as stored. */
    protected org.bson.Document delivery(String id) {
        return mongo.getCollection("deliveries").find(new org.bson.Document("_id", id)).first();
    }

    /** The member's inbox items of one kind, through the API. */
    protected java.util.List<tools.jackson.databind.JsonNode> inboxItems(String timebankId, String memberId, String kind) {
        ApiClient.Response inbox = api.get("/api/v1/timebanks/" + timebankId + "/inbox", token(memberId, timebankId, "MEMBER"));
        org.assertj.core.api.Assertions.assertThat(inbox.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(inbox.json().path("items").spliterator(), false)
                .filter(i -> kind.equals(i.path("kind").asString())).toList();
    }

    /** Preferences are replaced whole, with a PUT. */
    protected ApiClient.Response put(String path, String token, Object body) {
        return api.put(path, token, body);
    }

    protected String token(String memberId, String timebankId, String... roles) {
        return SharedInfrastructure.get().tokens().token(memberId, timebankId, roles);
    }
}
