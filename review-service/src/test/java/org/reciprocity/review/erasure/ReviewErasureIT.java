package org.reciprocity.review.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberErased;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.review.Details;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 18, the review's erasure, through the real broker: a member with a unique name whose kind
 * changed, hours given and received with staff, a carer and an organisation; a download of the
 * timebank made. Then the ledger's erased details record and {@code MemberErased}: the review
 * confirms ({@code ErasureConfirmed} on its topic, once, also when erased again), no collection of
 * the review's database holds the name, the member has no row, the download is gone, and parity and
 * the indicators of the month and of the quarter are what they were; a rebuild from the topics gives
 * them again.
 */
@ServiceIntegrationTest
class ReviewErasureIT {

    static final String PAT = "pat", SAM = "sam", KIM = "kim", TRUST = "org-trust";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final String name = "Zephyrine Quillfeather " + UUID.randomUUID().toString().substring(0, 6);
    final List<DomainEvent> events = new ArrayList<>();
    final Map<String, Long> balances = new HashMap<>();
    long sequence;

    @Test
    void anErasedMemberLeavesNoNameNoRowNoDownloadAndTheFiguresByKindAndMonthStay() throws Exception {
        String staff = token("reviewer", tb, "STAFF");
        String admin = token("ada", tb, "ADMIN");
        timebank();
        events.forEach(e -> TopicProbe.send(bootstrap, e));

        String month = "/api/v1/timebanks/" + tb + "/review/parity?from=2026-11";
        String quarter = "/api/v1/timebanks/" + tb + "/review/indicators?from=2026-10&to=2026-12";
        String monthIndicators = "/api/v1/timebanks/" + tb + "/review/indicators?from=2026-11";
        String members = "/api/v1/timebanks/" + tb + "/review/members?from=2026-11";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api().get(month, staff).json().path("totalMinutes").asLong()).isEqualTo(90 + 60 + 30 + 45);
            assertThat(api().get(month, staff).json().path("matrix").path("CARER").path("CARER").asLong()).isEqualTo(30);
            assertThat(api().get(members, staff).body()).contains(name);
        });
        String parityBefore = api().get(month, staff).body();
        String quarterBefore = api().get(quarter, staff).body();
        String indicatorsBefore = api().get(monthIndicators, staff).body();
        // Pat gave as a service user, then was a carer: the kind at the time is what counts
        assertThat(api().get(month, staff).json().path("matrix").path("SERVICE_USER").path("STAFF").asLong())
                .isEqualTo(90);

        // Pat's export: every document about them, to them and an admin, not to staff
        String export = "/api/v1/timebanks/" + tb + "/members/" + PAT + "/personal-data";
        ApiClient.Response own = api().get(export, token(PAT, tb, "MEMBER"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("service").asString()).isEqualTo("review-service");
        assertThat(own.json().path("collections").path("members")).hasSize(1);
        assertThat(own.json().path("collections").path("postings")).hasSize(3);
        assertThat(own.body()).contains(name).doesNotContain("Sam Staff");
        assertThat(api().get(export, admin).status()).isEqualTo(200);
        assertThat(api().get(export, staff).status()).isEqualTo(403);
        // the admin's look is kept for Pat ("who looked"), under Pat's id
        assertThat(mongo.getCollection("sensitive_reads").countDocuments(new Document("_id",
                new Document("$regex", "^" + java.util.regex.Pattern.quote(tb + "/" + PAT + "/"))))).isEqualTo(1);
        // and Pat's own export now lists that look too
        assertThat(api().get(export, token(PAT, tb, "MEMBER")).json().path("collections").path("sensitive_reads"))
                .as("who looked, in Pat's export").hasSize(1);

        // an admin's download of the timebank names Pat
        String exports = "/api/v1/timebanks/" + tb + "/review/exports";
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + exports)).header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        String download = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get(download, admin).text("state"), "READY"::equals);

        // the ledger erases Pat: the details record without anything personal, then MemberErased
        TopicProbe.send(bootstrap, MemberDetailsRecorded.ofErased(UUID.randomUUID(), Instant.now(), tb, PAT, 2));
        MemberErased erased = new MemberErased(UUID.randomUUID(), Instant.now(), tb, PAT, "ada");
        TopicProbe.send(bootstrap, erased);

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> confirmations = TopicProbe.readUntil(
                bootstrap, Topics.ERASURE_CONFIRMATIONS_TOPIC, r -> confirms(r.value()), Duration.ofSeconds(60));
        assertThat(confirmations).anyMatch(r -> confirms(r.value()));
        String confirmation = new String(confirmations.stream().filter(r -> confirms(r.value())).findFirst().orElseThrow()
                .value(), StandardCharsets.UTF_8);
        assertThat(confirmation).contains("erased_figures", "erased_members", "export_jobs", "parked_events",
                "sensitive_reads");

        // nothing of Pat's name anywhere in the review's database; no row, no member document
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as("a document of %s", collection).doesNotContain(name);
            }
            if (collection.matches("g\\d+_members")) {
                assertThat(mongo.getCollection(collection).find(new Document("memberId", PAT)
                        .append("timebankId", tb)).first()).as(collection).isNull();
            }
        }
        assertThat(api().get(members, staff).json().path("total").asInt()).isEqualTo(2);
        assertThat(api().get(members, staff).body()).doesNotContain(name).doesNotContain("\"" + PAT + "\"");
        assertThat(api().get(download, admin).status()).isEqualTo(404);
        assertThat(mongo.getCollection("sensitive_reads").countDocuments(new Document("_id",
                new Document("$regex", "^" + java.util.regex.Pattern.quote(tb + "/" + PAT + "/"))))).isZero();
        JsonNode after = api().get(export, token(PAT, tb, "MEMBER")).json().path("collections");
        after.forEach(documents -> assertThat(documents).isEmpty()); // what the export found is what the erasure forgot

        // the figures by kind and period are what they were
        assertThat(api().get(month, staff).body()).isEqualTo(parityBefore);
        assertThat(api().get(quarter, staff).body()).isEqualTo(quarterBefore);
        assertThat(api().get(monthIndicators, staff).body()).isEqualTo(indicatorsBefore);

        // erased again (a second event, say a replay of the ledger's outbox): done again, confirmed once
        MemberErased again = new MemberErased(UUID.randomUUID(), Instant.now(), tb, PAT, "ada");
        TopicProbe.send(bootstrap, again);
        TopicProbe.send(bootstrap, erased); // and the first redelivered
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("processed_events")
                .find(new Document("_id", ErasureConsumer.CONSUMER + ":" + again.eventId())).first() != null);
        assertThat(mongo.getCollection(ErasureConfirmations.COLLECTION).countDocuments(
                new Document("memberId", PAT).append("timebankId", tb))).isEqualTo(1);

        // a rebuild from the start of the topics: Pat's events are forgotten as they are read, the figures stay
        assertThat(api().post("/api/v1/timebanks/" + tb + "/review/rebuild", admin, null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(api().get(month, staff).body()).isEqualTo(parityBefore);
            assertThat(api().get(quarter, staff).body()).isEqualTo(quarterBefore);
            assertThat(api().get(members, staff).json().path("total").asInt()).isEqualTo(2);
        });
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                assertThat(document.toJson()).as("a document of %s after a rebuild", collection).doesNotContain(name);
            }
        }
    }

    private boolean confirms(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.contains(tb) && text.contains("\"" + PAT + "\"") && text.contains(ErasureConsumer.SERVICE);
    }

    /** November: Pat (a service user, a carer from the 20th) gives Sam (staff), Sam gives Pat, Kim gives Pat, Kim the trust. */
    private void timebank() {
        Instant nov1 = day(1);
        for (String member : List.of(PAT, SAM, KIM)) {
            events.add(new MemberRegistered(UUID.randomUUID(), nov1, tb, member, null, null, null, null, List.of("MEMBER"),
                    "coordinator"));
        }
        MemberDetailsRecorded pat = Details.recorded(tb, PAT, name, MemberKind.SERVICE_USER, nov1);
        events.add(pat);
        events.add(Details.changed(pat, MemberKind.CARER, day(20)));
        events.add(Details.recorded(tb, SAM, "Sam Staff", MemberKind.STAFF, nov1));
        events.add(Details.recorded(tb, KIM, "Kim Carer", MemberKind.CARER, nov1));
        validated("c1", PAT, SAM, 90, CoproductionKind.PEER_SUPPORT, 3);
        validated("c2", SAM, PAT, 60, CoproductionKind.GOALS_JOINTLY_SET, 5);
        validated("c3", KIM, PAT, 30, CoproductionKind.OFFICIAL_INFORMATION, 22);
        validated("c4", KIM, TRUST, 45, CoproductionKind.TRAINING_CONTRIBUTED, 23);
    }

    private void validated(String id, String giver, String receiver, long minutes, CoproductionKind kind, int day) {
        events.add(new ContributionLogged(UUID.randomUUID(), day(day), tb, id, giver, receiver, LoggedBy.GIVER, giver,
                null, receiver, minutes, LocalDate.of(2026, 11, day), kind, null, null, null,
                day(day).plus(Duration.ofDays(21))));
        Instant at = day(day).plus(Duration.ofHours(2));
        events.add(new ContributionValidated(UUID.randomUUID(), at, tb, id, receiver, giver, receiver, minutes, null,
                null, "t-" + id));
        sequence++;
        events.add(new TransferPosted(UUID.randomUUID(), at, tb, "t-" + id, receiver, giver, minutes,
                TransferReason.CONTRIBUTION, balances.merge(receiver, -minutes, Long::sum),
                balances.merge(giver, minutes, Long::sum), id, null, sequence, "hash-" + sequence));
    }

    private static Instant day(int day) {
        return LocalDate.of(2026, 11, day).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private static String token(String member, String tb, String role) {
        return SharedInfrastructure.get().tokens().token(member, tb, role);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }
}
