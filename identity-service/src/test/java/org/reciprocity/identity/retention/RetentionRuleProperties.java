package org.reciprocity.identity.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.Document;
import org.reciprocity.kit.retention.Retention;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18's bar for identity-service: for any sign-in link or welcome token and any {@code now} (a
 * fixed {@link Clock}), retention removes it iff it has expired (the readers refuse it from
 * {@code expiresAt} on); nothing still usable is removed; applying the rules twice is applying them once.
 */
class RetentionRuleProperties {

    private static final MongoTemplate MONGO;

    static {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MONGO = new MongoTemplate(client, "retention-properties");
    }

    @Property(tries = 200)
    void removesExactlyTheExpired(@ForAll("offsets") List<Long> expiresInSeconds, @ForAll("instants") Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        for (String c : List.of("sign_in_links", "welcome_tokens", "retention_reports")) {
            MONGO.getCollection(c).deleteMany(new Document());
        }
        Map<String, Long> offsets = new HashMap<>();
        for (Long offset : expiresInSeconds) {
            String id = UUID.randomUUID().toString();
            offsets.put(id, offset);
            Date expiresAt = Date.from(now.plusSeconds(offset));
            MONGO.getCollection("sign_in_links").insertOne(new Document("_id", id).append("username", "a@example.org")
                    .append("expiresAt", expiresAt));
            MONGO.getCollection("welcome_tokens").insertOne(new Document("_id", id).append("accountId", "tb/m")
                    .append("expiresAt", expiresAt));
        }
        Retention retention = new Retention(MONGO, "identity-service");

        Map<String, Long> first = retention.apply(List.of(IdentityRetention.values()), clock.instant());

        long expired = offsets.values().stream().filter(o -> o <= 0).count();
        for (String c : List.of("sign_in_links", "welcome_tokens")) {
            Set<String> kept = ids(c);
            offsets.forEach((id, offset) -> assertThat(kept.contains(id))
                    .as("%s expiring %d s after now", c, offset)
                    .isEqualTo(now.isBefore(now.plusSeconds(offset))));
        }
        assertThat(first).containsEntry("sign-in-links", expired).containsEntry("welcome-tokens", expired);
        assertThat(retention.apply(List.of(IdentityRetention.values()), clock.instant()).values()).containsOnly(0L);
        assertThat(ids("sign_in_links")).hasSize(offsets.size() - (int) expired);
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
    Arbitrary<List<Long>> offsets() {
        long week = Duration.ofDays(8).toSeconds();
        return Arbitraries.oneOf(Arbitraries.longs().between(-week, week), Arbitraries.longs().between(-2, 2))
                .list().ofMaxSize(20);
    }
}
