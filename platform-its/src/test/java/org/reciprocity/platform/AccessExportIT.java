package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * A member's right of access (issue 18), on the whole platform: each service's part of the member's
 * data, which the portal zips for them, holds every document any service keeps about them. The test
 * does not trust the services' own finders: it scans every collection of every database for documents
 * that mention the member's id, and each one must be in the export of the service that owns that
 * database (by collection and {@code _id}).
 */
@Order(2)
class AccessExportIT {

    /** Each service's database on the platform's store. */
    private static final Map<String, String> DATABASES = Map.of("ledger", "ledger-service", "matching", "matching-service",
            "notification", "notification-service", "identity", "identity-service", "reciprocity-review", "review-service");

    /** Collections that mention members by id for the platform's own bookkeeping, never as data about them. */
    private static final List<String> BOOKKEEPING = List.of("processed_events", "retention_reports");

    @Test
    void theExportHoldsEveryDocumentAnyServiceKeepsAboutTheMember() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        platform.prepareFirstRun(); // the local timebank, opened as the run command opens it
        PlatformConfig config = platform.config();
        String timebank = config.devTimebank();
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank;
        String matching = platform.url("matching-service") + "/api/v1/timebanks/" + timebank;
        String admin = platform.devToken("export-admin", timebank, List.of("ADMIN", "COORDINATOR"));
        String unique = UUID.randomUUID().toString().substring(0, 8);

        String partner = register(ledger, admin, "Export partner " + unique);
        String member = register(ledger, admin, "Export member " + unique);
        String memberToken = platform.devToken(member, timebank, List.of("MEMBER"));
        String partnerToken = platform.devToken(partner, timebank, List.of("MEMBER"));
        Http.post(platform.url("identity-service") + "/api/v1/timebanks/" + timebank + "/invitations", admin,
                "{\"memberId\":\"" + member + "\",\"email\":\"export-" + unique + "@example.org\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                Http.get(matching + "/profiles/" + member, memberToken).status() == 200);
        Http.Answer listing = Http.post(matching + "/listings", memberToken, "{\"kind\":\"NEED\",\"title\":\"Help with forms " + unique
                + "\",\"description\":\"A letter\",\"category\":\"admin-forms\",\"estimatedMinutes\":30,\"mode\":\"IN_PERSON\",\"district\":\"M14\","
                + "\"expiresAt\":\"" + java.time.Instant.now().plus(Duration.ofDays(30)) + "\",\"requiresVerified\":false,\"tags\":[]}");
        assertThat(listing.status()).as("listing: " + listing.body()).isEqualTo(201);
        String contribution = "c-" + UUID.randomUUID();
        Http.post(ledger + "/contributions", partnerToken, "{\"id\":\"" + contribution + "\",\"side\":\"GIVER\",\"giverId\":\""
                + partner + "\",\"receiverId\":\"" + member + "\",\"minutes\":45,\"happenedOn\":\""
                + LocalDate.now(ZoneId.of("Europe/London")) + "\",\"kind\":\"PEER_SUPPORT\",\"description\":\"Forms " + unique + "\"}");
        Http.post(ledger + "/contributions/" + contribution + "/validation", memberToken, "{\"note\":\"Thanks " + unique + "\"}");
        Http.put(ledger + "/members/" + member + "/consents/EMAIL_ME", memberToken, "{\"given\":true}");
        // a coordinator looks at the member's record: a look the member can see
        Http.get(ledger + "/members/" + member, admin);

        // every service has heard of the member (the review and the notifications are built from events)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(servicesMentioning(config, member)).containsAll(List.of("ledger-service", "matching-service",
                        "notification-service", "identity-service")));

        Map<String, TreeSet<String>> exported = new java.util.HashMap<>();
        for (String service : DATABASES.values()) {
            Http.Answer part = Http.get(platform.url(service) + "/api/v1/timebanks/" + timebank + "/members/" + member
                    + "/personal-data", memberToken);
            assertThat(part.status()).as(service + ": " + part.body()).isEqualTo(200);
            JsonNode body = part.json();
            assertThat(body.path("service").asText()).isEqualTo(service);
            TreeSet<String> ids = new TreeSet<>();
            body.path("collections").properties().forEach(collection -> collection.getValue().forEach(document ->
                    ids.add(collection.getKey() + "/" + idOf(document))));
            exported.put(service, ids);
        }

        List<String> missing = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(config.mongoUri(""))) {
            for (Map.Entry<String, String> database : DATABASES.entrySet()) {
                MongoDatabase db = mongo.getDatabase(database.getKey());
                for (String collection : db.listCollectionNames()) {
                    if (BOOKKEEPING.contains(collection)) {
                        continue;
                    }
                    for (Document document : db.getCollection(collection).find()) {
                        if (document.toJson().contains(member)) {
                            // the review keeps its projections in generations (g1_members, …): the export names them plainly
                            String key = collection.replaceFirst("^g\\d+_", "") + "/" + idOf(document);
                            if (!exported.get(database.getValue()).contains(key)) {
                                missing.add(database.getValue() + ": " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).as("documents about the member that their export leaves out").isEmpty();
        assertThat(exported.values().stream().mapToInt(TreeSet::size).sum()).as("documents exported").isGreaterThan(5);
        assertThat(exported.toString()).as("nothing of the partner alone").doesNotContain("Export partner " + unique + "\"");
        // someone else asking for the member's data is refused
        assertThat(Http.get(ledger + "/members/" + member + "/personal-data", partnerToken).status()).isEqualTo(403);
    }

    private static String idOf(Document document) {
        Object id = document.get("_id");
        return id instanceof Document compound ? compound.toJson() : String.valueOf(id);
    }

    private static String idOf(JsonNode document) {
        JsonNode id = document.path("_id").isMissingNode() ? document.path("id") : document.path("_id");
        if (id.isObject() && id.has("$oid")) {
            return id.path("$oid").asText();
        }
        return id.isValueNode() ? id.asText() : id.toString();
    }

    private static List<String> servicesMentioning(PlatformConfig config, String member) {
        List<String> services = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(config.mongoUri(""))) {
            for (Map.Entry<String, String> database : DATABASES.entrySet()) {
                MongoDatabase db = mongo.getDatabase(database.getKey());
                for (String collection : db.listCollectionNames()) {
                    if (!BOOKKEEPING.contains(collection) && db.getCollection(collection).find().into(new ArrayList<>())
                            .stream().anyMatch(d -> d.toJson().contains(member))) {
                        services.add(database.getValue());
                        break;
                    }
                }
            }
        }
        return services;
    }

    private static String register(String ledger, String admin, String name) {
        Http.Answer registered = Http.post(ledger + "/members", admin, "{\"kind\":\"CARER\",\"displayName\":\"" + name
                + "\",\"email\":\"" + UUID.randomUUID() + "@example.org\",\"language\":\"en\",\"roles\":[\"MEMBER\"]}");
        assertThat(registered.status()).as("registering " + name + ": " + registered.body()).isEqualTo(201);
        return registered.text("id");
    }
}
