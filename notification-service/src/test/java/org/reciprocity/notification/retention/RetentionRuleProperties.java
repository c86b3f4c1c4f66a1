package org.reciprocity.notification.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bson.Document;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.retention.Retention;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18's bar for notification-service: for any inbox item or delivery and any {@code now} (a
 * fixed {@link Clock}), retention removes it iff it is older than its timebank's {@code messages}
 * period (and over, and with nothing left to publish); nothing younger is ever removed; applying the
 * rules twice is applying them once. Timebank {@code a} set its own period, {@code b} keeps the
 * defaults (365 days). The rules run against mongo-java-server, the store the service uses.
 */
class RetentionRuleProperties {

    private static final MongoTemplate MONGO;

    static {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MONGO = new MongoTemplate(client, "retention-properties");
    }

    /** A message of timebank a or b, {@code ageMinutes} old at now (negative: dated after now), perhaps with events to publish. */
    record Message(String timebankId, long ageMinutes, String status, Long sentAfterMinutes, boolean pending) {
    }

    @Property(tries = 200)
    void removesExactlyTheMessagesPastTheirPeriod(@ForAll("messages") @Size(max = 30) List<Message> messages,
                                                  @ForAll("instants") Instant now,
                                                  @ForAll @IntRange(min = 1, max = 800) int messagesDays) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Retention retention = fresh(messagesDays, now);
        Map<String, Message> inbox = new java.util.HashMap<>();
        Map<String, Message> deliveries = new java.util.HashMap<>();
        for (Message m : messages) {
            String id = UUID.randomUUID().toString();
            Instant at = now.minus(Duration.ofMinutes(m.ageMinutes()));
            Document doc = new Document("_id", id).append("timebankId", m.timebankId()).append("occurredAt", Date.from(at))
                    .append("params", new Document("activity", "Gardening"));
            if (m.pending()) {
                doc.append("outbox", List.of(new Document("eventId", "e-" + id)));
            }
            MONGO.getCollection("inbox_items").insertOne(new Document(doc));
            inbox.put(id, m);
            doc.append("status", m.status());
            if (m.sentAfterMinutes() != null) {
                doc.append("sentAt", Date.from(at.plus(Duration.ofMinutes(m.sentAfterMinutes()))));
            }
            MONGO.getCollection("deliveries").insertOne(doc);
            deliveries.put(id, m);
        }

        Map<String, Long> first = retention.apply(List.of(NotificationRetention.values()), clock.instant());

        Set<String> inboxKept = ids("inbox_items");
        Set<String> deliveriesKept = ids("deliveries");
        inbox.forEach((id, m) -> assertThat(inboxKept.contains(id)).as("inbox item %s", m)
                .isEqualTo(!(olderThan(m.ageMinutes(), m, messagesDays) && !m.pending())));
        deliveries.forEach((id, m) -> assertThat(deliveriesKept.contains(id)).as("delivery %s", m)
                .isEqualTo(!(isOver(m) && !m.pending() && olderThan(m.ageMinutes(), m, messagesDays)
                        && (m.sentAfterMinutes() == null
                        || olderThan(m.ageMinutes() - m.sentAfterMinutes(), m, messagesDays)))));
        assertThat(first.get("inbox-items")).isEqualTo(inbox.size() - inboxKept.size());
        assertThat(first.get("deliveries")).isEqualTo(deliveries.size() - deliveriesKept.size());

        Map<String, Long> second = retention.apply(List.of(NotificationRetention.values()), clock.instant());
        assertThat(second.values()).containsOnly(0L);
        assertThat(ids("inbox_items")).isEqualTo(inboxKept);
        assertThat(ids("deliveries")).isEqualTo(deliveriesKept);
    }

    /** Strictly older than the period of the message's timebank: a message exactly the period old stays. */
    private static boolean olderThan(long ageMinutes, Message m, int messagesDays) {
        long days = m.timebankId().equals("a") ? messagesDays : 365;
        return ageMinutes > Duration.ofDays(days).toMinutes();
    }

    private static boolean isOver(Message m) {
        return List.of("SENT", "FAILED", "CANCELLED").contains(m.status());
    }

    private static Retention fresh(int messagesDays, Instant now) {
        for (String c : List.of("inbox_items", "deliveries", "retention_policies", "retention_reports")) {
            MONGO.getCollection(c).deleteMany(new Document());
        }
        Retention retention = new Retention(MONGO, "notification-service");
        retention.policies().heard(new RetentionPolicyChanged(UUID.randomUUID(), now, "a", messagesDays, 30, 30, 30,
                730, "admin-1"));
        return retention;
    }

    private static Set<String> ids(String collection) {
        Set<String> ids = new HashSet<>();
        MONGO.getCollection(collection).find().forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2035-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        long maxAge = Duration.ofDays(1000).toMinutes();
        // ages around the interesting edges (the period of a and 365 days) as well as anywhere
        Arbitrary<Long> ages = Arbitraries.oneOf(Arbitraries.longs().between(-10_000, maxAge),
                Arbitraries.longs().between(Duration.ofDays(365).toMinutes() - 2, Duration.ofDays(365).toMinutes() + 2));
        Arbitrary<Message> message = Combinators.combine(Arbitraries.of("a", "b"), ages,
                Arbitraries.of("PENDING", "HELD", "SENDING", "RETRYING", "SENT", "FAILED", "CANCELLED"),
                Arbitraries.longs().between(0, 5_000).injectNull(0.3), Arbitraries.of(true, false))
                .as(Message::new);
        return message.list().ofMaxSize(30).map(ArrayList::new);
    }
}
