package org.reciprocity.matching.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.bson.Document;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.kit.retention.Retention;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18's bar for matching-service: for any listing, match or plan and any {@code now} (a fixed
 * {@link Clock}), retention removes a closed listing, a closed match's {@code activity} and a plan iff
 * it is older than its timebank's period for it (and has nothing left to publish); nothing younger is
 * touched, an open listing or match never is; applying the rules twice is applying them once.
 * Timebank {@code a} set its own periods, {@code b} keeps the defaults. Run against mongo-java-server.
 */
class RetentionRuleProperties {

    private static final MongoTemplate MONGO;
    private static final List<String> COLLECTIONS = List.of("listings", "matches", "plans");

    static {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MONGO = new MongoTemplate(client, "retention-properties");
    }

    /** A document of one of the three collections, {@code ageMinutes} old at now by the time its rule counts from. */
    record Thing(String collection, String timebankId, String status, long ageMinutes, boolean pending) {
    }

    record Periods(int listings, int activity, int plans) {
        long days(Thing t) {
            if (t.timebankId().equals("b")) {
                return t.collection().equals("plans") ? 90 : 365;
            }
            return switch (t.collection()) {
                case "listings" -> listings;
                case "matches" -> activity;
                default -> plans;
            };
        }
    }

    @Property(tries = 200)
    void removesExactlyWhatIsPastItsPeriod(@ForAll("things") List<Thing> things, @ForAll("instants") Instant now,
                                           @ForAll @IntRange(min = 1, max = 800) int listingsDays,
                                           @ForAll @IntRange(min = 1, max = 800) int activityDays,
                                           @ForAll @IntRange(min = 1, max = 800) int plansDays) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Periods periods = new Periods(listingsDays, activityDays, plansDays);
        Retention retention = fresh(periods, now);
        Map<String, Thing> byId = new HashMap<>();
        for (Thing t : things) {
            String id = UUID.randomUUID().toString();
            Date at = Date.from(now.minus(Duration.ofMinutes(t.ageMinutes())));
            Document doc = new Document("_id", id).append("timebankId", t.timebankId());
            switch (t.collection()) {
                case "listings" -> doc.append("status", t.status()).append("updatedAt", at).append("title", "Walks");
                case "matches" -> doc.append("status", t.status()).append("activity", "Walks")
                        .append("closedReason", OPEN_MATCHES.contains(t.status()) ? null : "Unwell")
                        .append("closedAt", OPEN_MATCHES.contains(t.status()) ? null : at);
                default -> doc.append("createdAt", at).append("status", t.status());
            }
            if (t.pending()) {
                doc.append("outbox", List.of(new Document("eventId", "e-" + id)));
            }
            MONGO.getCollection(t.collection()).insertOne(doc);
            byId.put(id, t);
        }

        Map<String, Long> first = retention.apply(List.of(MatchingRetention.values()), clock.instant());

        Map<String, Long> expected = new HashMap<>(Map.of("closed-listings", 0L, "closed-match-activity", 0L,
                "closed-match-reason", 0L, "plans", 0L));
        byId.forEach((id, t) -> {
            boolean past = t.ageMinutes() > Duration.ofDays(periods.days(t)).toMinutes();
            Document now2 = MONGO.getCollection(t.collection()).find(new Document("_id", id)).first();
            switch (t.collection()) {
                case "listings" -> {
                    boolean goes = past && !t.pending() && List.of("WITHDRAWN", "EXPIRED").contains(t.status());
                    assertThat(now2 == null).as("listing %s removed", t).isEqualTo(goes);
                    expected.merge("closed-listings", goes ? 1L : 0L, Long::sum);
                }
                case "matches" -> {
                    boolean clears = past && !t.pending() && !OPEN_MATCHES.contains(t.status());
                    assertThat(now2).as("a match is never removed").isNotNull();
                    assertThat(now2.containsKey("activity")).as("match %s keeps its activity", t).isEqualTo(!clears);
                    assertThat(now2.containsKey("closedReason")).as("match %s keeps its reason", t).isEqualTo(!clears);
                    assertThat(now2.getString("status")).isEqualTo(t.status());
                    expected.merge("closed-match-activity", clears ? 1L : 0L, Long::sum);
                    expected.merge("closed-match-reason", clears ? 1L : 0L, Long::sum);
                }
                default -> {
                    assertThat(now2 == null).as("plan %s removed", t).isEqualTo(past);
                    expected.merge("plans", past ? 1L : 0L, Long::sum);
                }
            }
        });
        assertThat(first).isEqualTo(expected);

        Map<String, List<Document>> after = snapshot();
        assertThat(retention.apply(List.of(MatchingRetention.values()), clock.instant()).values()).containsOnly(0L);
        assertThat(snapshot()).isEqualTo(after);
    }

    static final List<String> OPEN_MATCHES = List.of("PROPOSED", "AGREED");

    private static Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new HashMap<>();
        for (String c : COLLECTIONS) {
            all.put(c, MONGO.getCollection(c).find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>()));
        }
        return all;
    }

    private static Retention fresh(Periods p, Instant now) {
        for (String c : List.of("listings", "matches", "plans", "retention_policies", "retention_reports")) {
            MONGO.getCollection(c).deleteMany(new Document());
        }
        Retention retention = new Retention(MONGO, "matching-service");
        retention.policies().heard(new RetentionPolicyChanged(UUID.randomUUID(), now, "a", 365, p.listings(),
                p.activity(), p.plans(), 730, "admin-1"));
        return retention;
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2035-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<Thing>> things() {
        Arbitrary<Long> ages = Arbitraries.oneOf(Arbitraries.longs().between(-10_000, Duration.ofDays(1000).toMinutes()),
                Arbitraries.longs().between(Duration.ofDays(90).toMinutes() - 2, Duration.ofDays(90).toMinutes() + 2),
                Arbitraries.longs().between(Duration.ofDays(365).toMinutes() - 2, Duration.ofDays(365).toMinutes() + 2));
        Arbitrary<Thing> listing = Combinators.combine(Arbitraries.of("a", "b"),
                Arbitraries.of("OPEN", "PAUSED", "WITHDRAWN", "EXPIRED"), ages, Arbitraries.of(true, false))
                .as((tb, status, age, pending) -> new Thing("listings", tb, status, age, pending));
        Arbitrary<Thing> match = Combinators.combine(Arbitraries.of("a", "b"),
                Arbitraries.of("PROPOSED", "AGREED", "COMPLETED", "DECLINED", "CANCELLED", "EXPIRED"), ages,
                Arbitraries.of(true, false))
                .as((tb, status, age, pending) -> new Thing("matches", tb, status, age, pending));
        Arbitrary<Thing> plan = Combinators.combine(Arbitraries.of("a", "b"), Arbitraries.of("DRAFT", "SENT"), ages)
                .as((tb, status, age) -> new Thing("plans", tb, status, age, false));
        return Arbitraries.oneOf(listing, match, plan).list().ofMaxSize(30);
    }
}
