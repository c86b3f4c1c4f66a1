package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The erasure promise of issue 18, on the whole platform as the run command starts it (real broker,
 * real wire protocol, every service): a member who gave and received time, wrote a listing, a gift
 * note and a dispute, and was thanked, is erased by an admin. Then every service confirms, and
 * <em>no</em> document of any database and no record of any topic (dead-letter topics included)
 * holds their name, e-mail or anything they or others wrote about them; the ledger still verifies,
 * balances still sum to zero, and the other member's statement still adds up.
 *
 * <p>The platform's services are given a compaction lag of seconds (failsafe's system properties,
 * passed on by the launcher): the promise to members is 24 hours, and the test waits for the
 * condition, with a ceiling, rather than for a duration.
 */
@Order(2)
class ErasureIT {

    private static final Duration CEILING = Duration.ofMinutes(4);

    @Test
    void anErasedMemberLeavesNoNameEmailOrTextInAnyDatabaseOrTopicAndTheLedgerStillAddsUp() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        platform.prepareFirstRun(); // the local timebank, opened as the run command opens it
        PlatformConfig config = platform.config();
        String timebank = config.devTimebank();
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
        String matching = platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
        String admin = platform.devToken("erasure-admin", timebank, List.of("ADMIN", "COORDINATOR"));
        String unique = UUID.randomUUID().toString().substring(0, 8);

        // someone for the member to give to and receive from, who stays
        String partner = register(ledger, admin, "Partner " + unique, "partner-" + unique + "@stays.example");
        String partnerToken = platform.devToken(partner, timebank, List.of("MEMBER"));

        // the member to be erased, with everything personal made unique to this run
        Personal wil = new Personal("Wilhelmina Quillfeather " + unique, "wil-" + unique + "@erased.example",
                "Needs a quiet room " + unique, "Seed swap at the allotment " + unique,
                "Planted bulbs along the river path " + unique, "Thank you so much Wilhelmina " + unique,
                "I was not there that day " + unique, "Agreed after a chat " + unique, "For the bus fare " + unique);
        String member = register(ledger, admin, wil.name(), wil.email());
        String memberToken = platform.devToken(member, timebank, List.of("MEMBER"));
        Http.Answer invited = Http.post(platform.url("identity-service") + "/api/v1/timebanks/" + timebank + "/invitations",
                admin, "{\"memberId\":\"" + member + "\",\"email\":\"" + wil.email() + "\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
        assertThat(invited.status()).as("invitation: " + invited.body()).isBetween(200, 299);

        await().atMost(CEILING).pollInterval(Duration.ofMillis(500)).until(() ->
                Http.get(matching + "/profiles/" + member, memberToken).status() == 200);
        Http.Answer profile = Http.put(matching + "/profiles/" + member, memberToken,
                "{\"district\":\"M14\",\"skills\":[\"gardening\"],\"languages\":[\"en\"],"
                        + "\"accessibilityNeeds\":[\"" + wil.skill() + "\"],\"availability\":[],\"modes\":[],"
                        + "\"sharedWithMembers\":[\"district\"]}");
        assertThat(profile.status()).as("profile: " + profile.body()).isBetween(200, 299);
        Http.Answer listing = Http.post(matching + "/listings", memberToken, "{\"kind\":\"OFFER\",\"title\":\""
                + wil.listing() + "\",\"description\":\"" + wil.listing() + " (bring gloves)\",\"category\":\"gardening\","
                + "\"estimatedMinutes\":60,\"mode\":\"IN_PERSON\",\"district\":\"M14\",\"expiresAt\":\""
                + java.time.Instant.now().plus(Duration.ofDays(30)) + "\",\"requiresVerified\":false,\"tags\":[]}");
        assertThat(listing.status()).as("listing: " + listing.body()).isBetween(200, 299);

        // she gives, and is thanked
        String given = log(ledger, memberToken, member, partner, "GIVER", 90, wil.gave());
        assertThat(Http.post(ledger + "/contributions/" + given + "/validation", partnerToken,
                "{\"note\":\"" + wil.thanks() + "\"}").status()).isBetween(200, 299);
        // she receives, disputes it, and a coordinator settles it
        String received = log(ledger, partnerToken, partner, member, "GIVER", 30, "Walked together " + unique);
        assertThat(Http.post(ledger + "/contributions/" + received + "/dispute", memberToken,
                "{\"reason\":\"" + wil.dispute() + "\"}").status()).isBetween(200, 299);
        assertThat(Http.post(ledger + "/contributions/" + received + "/resolution", admin,
                "{\"minutes\":30,\"note\":\"" + wil.resolution() + "\"}").status()).isBetween(200, 299);
        // she gives some of her hours away
        assertThat(Http.post(ledger + "/gifts", memberToken, "{\"id\":\"gift-" + unique + "\",\"toAccountId\":\"" + partner
                + "\",\"minutes\":15,\"note\":\"" + wil.gift() + "\"}").status()).isBetween(200, 299);

        // the admin erases her
        Http.Answer erasure = Http.post(ledger + "/members/" + member + "/erasure", admin, "{}");
        assertThat(erasure.status()).as("erasure: " + erasure.body()).isEqualTo(202);

        // every service that held her data confirms
        await().atMost(CEILING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode status = Http.get(ledger + "/members/" + member + "/erasure", admin).json();
            List<String> confirmed = new ArrayList<>();
            status.path("services").forEach(s -> {
                if (!s.path("confirmedAt").isNull() && !s.path("confirmedAt").isMissingNode()) {
                    confirmed.add(s.path("service").asText());
                }
            });
            assertThat(confirmed).as(status.toString()).containsExactlyInAnyOrderElementsOf(Topics.HOLDERS_OF_PERSONAL_DATA);
            assertThat(status.path("done").asBoolean()).isTrue();
        });

        // no database document holds anything of hers
        List<String> secrets = wil.all();
        try (MongoClient mongo = MongoClients.create(config.mongoUri(""))) {
            assertThat(documentsHolding(mongo, secrets)).as("documents holding her data").isEmpty();
        }
        // and, once the details topic is compacted (the lag of this platform is seconds), no topic record either
        await().atMost(CEILING).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(recordsHolding(config.kafkaBootstrap(), secrets)).as("topic records holding her data").isEmpty());

        // the ledger still adds up, and verifies
        JsonNode accounts = Http.get(ledger + "/accounts", admin).json();
        assertThat(accounts.path("sumOfBalances").asLong()).as("balances sum to zero").isZero();
        Http.Answer verified = Http.post(ledger + "/ledger/verification/runs", admin, "{}");
        assertThat(verified.status()).as(verified.body()).isBetween(200, 299);
        assertThat(verified.body()).as("the chain verifies").containsIgnoringCase("intact");
        // the partner's statement still adds up to their balance, and names her as no one
        JsonNode statement = Http.get(ledger + "/members/" + partner + "/statement", partnerToken).json();
        assertThat(sumOf(statement)).as("the partner's statement adds up to the balance").isEqualTo(balance(accounts, partner));
        assertThat(statement.toString()).doesNotContain(wil.name());
    }

    /** What is personal about the member: every string must be gone from every store and topic. */
    private record Personal(String name, String email, String skill, String listing, String gave, String thanks,
                            String dispute, String resolution, String gift) {
        List<String> all() {
            return List.of(name, email, skill, listing, gave, thanks, dispute, resolution, gift);
        }
    }

    private static String register(String ledger, String admin, String name, String email) {
        Http.Answer registered = Http.post(ledger + "/members", admin, "{\"kind\":\"SERVICE_USER\",\"displayName\":\"" + name
                + "\",\"email\":\"" + email + "\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
        assertThat(registered.status()).as("registering " + name + ": " + registered.body()).isEqualTo(201);
        return registered.text("id");
    }

    private static String log(String ledger, String token, String giver, String receiver, String side, long minutes,
                              String description) {
        String id = "c-" + UUID.randomUUID();
        Http.Answer logged = Http.post(ledger + "/contributions", token, "{\"id\":\"" + id + "\",\"side\":\"" + side
                + "\",\"giverId\":\"" + giver + "\",\"receiverId\":\"" + receiver + "\",\"minutes\":" + minutes
                + ",\"happenedOn\":\"" + LocalDate.now(ZoneId.of("Europe/London")) + "\",\"kind\":\"PEER_SUPPORT\","
                + "\"description\":\"" + description + "\"}");
        assertThat(logged.status()).as("logging: " + logged.body()).isBetween(200, 299);
        return id;
    }

    private static long balance(JsonNode accounts, String id) {
        for (JsonNode account : accounts.path("accounts")) {
            if (account.path("id").asText().equals(id)) {
                return account.path("balance").asLong();
            }
        }
        throw new AssertionError("no account " + id + " in " + accounts);
    }

    private static long sumOf(JsonNode statement) {
        long sum = 0;
        for (JsonNode line : statement) {
            long minutes = line.path("minutes").asLong();
            sum += "IN".equals(line.path("direction").asText()) ? minutes : -minutes;
        }
        return sum;
    }

    /** Every document of every database of the platform's store, read as JSON text, that holds one of the strings. */
    private static List<String> documentsHolding(MongoClient mongo, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String database : mongo.listDatabaseNames()) {
            MongoDatabase db = mongo.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find()) {
                    String json = document.toJson();
                    for (String secret : secrets) {
                        if (json.contains(secret)) {
                            found.add(database + "." + collection + " " + document.get("_id") + " holds \"" + secret + "\"");
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every record of every topic (dead letters too), key, value and headers, read as UTF-8, that holds one of the strings. */
    private static List<String> recordsHolding(String bootstrap, List<String> secrets) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get();
        }
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = topics.stream().filter(t -> !t.startsWith("__"))
                    .flatMap(t -> consumer.partitionsFor(t).stream().map(p -> new TopicPartition(t, p.partition())))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read every topic to its end in 2 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder();
                    text.append(utf8(record.key())).append('\n').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        text.append('\n').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    for (String secret : secrets) {
                        if (text.indexOf(secret) >= 0) {
                            found.add(record.topic() + "-" + record.partition() + "@" + record.offset() + " holds \"" + secret + "\"");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
