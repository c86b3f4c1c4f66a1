package org.reciprocity.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.listing.ListingWithdrawn;
import org.reciprocity.contracts.listing.NeedPublished;
import org.reciprocity.contracts.listing.OfferPublished;
import org.reciprocity.contracts.match.MatchAgreed;
import org.reciprocity.contracts.match.MatchCompleted;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.review.Details;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 17, the download of a whole timebank, through the real broker: a small timebank's events
 * on five topics (some twice, the matches' end before its start), a download asked for, followed
 * to READY file by file, and the ZIP read back: six CSV files with their headers and known rows, a
 * name a spreadsheet would take for a formula neutralised, no note or e-mail address. Only admins
 * may; a job left half-done by a process that died is reported failed, and a second request while
 * one is being made gets that one.
 */
@ServiceIntegrationTest
class TimebankDownloadIT {

    static final Instant NOV_3 = LocalDate.of(2026, 11, 3).atTime(10, 0).toInstant(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdminDownloadsTheWholeTimebankAndReadsEveryTableBack() throws Exception {
        String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = token("ada", tb, "ADMIN");
        for (DomainEvent event : timebank(tb)) {
            TopicProbe.send(bootstrap, event);
        }

        // the events take a moment to be read: ask again until a download holds the last of them
        Map<String, String> files = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> started = send("POST", "/api/v1/timebanks/" + tb + "/review/exports", admin);
            assertThat(started.statusCode()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("/api/v1/timebanks/" + tb + "/review/exports/");
            ApiClient.Response done = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api().get(location, admin), r -> !List.of("QUEUED", "RUNNING").contains(r.text("state")));
            assertThat(done.text("state")).isEqualTo("READY");
            // every file done, every row written
            done.json().path("files").forEach(f -> {
                assertThat(f.path("done").asBoolean()).as(f.path("name").asString()).isTrue();
                assertThat(f.path("written").asLong()).isEqualTo(f.path("total").asLong());
            });
            assertThat(done.json().path("rowsWritten").asLong()).isEqualTo(done.json().path("rowsTotal").asLong());
            assertThat(done.text("download")).isEqualTo(location + "/zip");
            HttpResponse<byte[]> zip = http.send(request("GET", location + "/zip", admin).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                    .contains("timebank-" + tb);
            files.clear();
            files.putAll(entries(zip.body()));
            assertThat(files.get("matches.csv")).contains("COMPLETED");
            assertThat(files.get("listings.csv")).contains("WITHDRAWN");
            assertThat(files.get("transfers.csv")).contains("t-c1");
            assertThat(files.get("members.csv")).contains("pat");
        });

        assertThat(files.keySet()).containsExactly("members.csv", "accounts.csv", "contributions.csv", "transfers.csv",
                "listings.csv", "matches.csv");
        assertThat(files.get("members.csv")).startsWith("member_id,name,kind,joined_at,suspended\r\n")
                .contains("pat,'=Pat Jones,SERVICE_USER,2026-11-01T09:00:00Z,false\r\n")
                .contains("sam,Sam Staff,STAFF,2026-11-01T09:00:00Z,false\r\n");
        assertThat(files.get("accounts.csv")).startsWith("account_id,holder,balance_minutes,after_ledger_sequence\r\n")
                .contains("pat,MEMBER,90,1\r\n").contains("sam,MEMBER,-90,1\r\n");
        assertThat(files.get("contributions.csv")).startsWith("contribution_id,kind,giver_account_id,receiver_account_id,"
                        + "minutes,happened_on,logged_at,group_activity_id,state,state_at\r\n")
                .contains("c1,PEER_SUPPORT,pat,sam,90,2026-11-03,2026-11-03T10:00:00Z,,VALIDATED,2026-11-03T12:00:00Z\r\n");
        assertThat(files.get("transfers.csv")).startsWith("transfer_id,posted_at,debit_account_id,credit_account_id,"
                        + "minutes,reason,contribution_id,reverses_transfer_id,ledger_sequence\r\n")
                .contains("t-c1,2026-11-03T12:00:00Z,sam,pat,90,CONTRIBUTION,c1,,1\r\n");
        assertThat(files.get("listings.csv")).startsWith("listing_id,kind,owner_id,title,category,tags,estimated_minutes,"
                        + "mode,district,needs_verified_member,published_at,expires_at,state,ended_at\r\n")
                .contains("offer-1,OFFER,pat,Gardening together,GARDENING,weeding;planting,90,IN_PERSON,M14,false,"
                        + "2026-11-01T10:00:00Z,2027-02-01T10:00:00Z,OPEN,\r\n")
                .contains("need-2,NEED,sam,Help with a leaflet,WRITING,,60,REMOTE,,false,2026-11-01T10:00:00Z,"
                        + "2027-02-01T10:00:00Z,WITHDRAWN,2026-11-02T10:00:00Z\r\n");
        assertThat(files.get("matches.csv")).startsWith("match_id,state,giver_id,receiver_id,offer_listing_id,"
                        + "need_listing_id,proposed_via,estimated_minutes,proposed_at,agreed_at,state_at,contribution_id,"
                        + "minutes_logged\r\n")
                .contains("m-1,COMPLETED,pat,sam,offer-1,need-1,MEMBER,90,2026-11-02T09:00:00Z,2026-11-02T11:00:00Z,"
                        + "2026-11-03T12:00:00Z,c1,90\r\n");
        String everything = String.join("\n", files.values());
        assertThat(everything).doesNotContain("a personal note", "pat@example.org", "changed my mind", "thanks");
    }

    @Test
    void onlyAnAdminOfTheTimebankMayMakeOrReadADownload() throws Exception {
        String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String path = "/api/v1/timebanks/" + tb + "/review/exports";
        HttpResponse<String> started = send("POST", path, token("ada", tb, "ADMIN"));
        assertThat(started.statusCode()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        for (String role : List.of("MEMBER", "STAFF", "COORDINATOR")) {
            String token = token("someone", tb, role);
            assertThat(send("POST", path, token).statusCode()).as(role).isEqualTo(403);
            assertThat(send("GET", path, token).statusCode()).as(role).isEqualTo(403);
            assertThat(send("GET", job, token).statusCode()).as(role).isEqualTo(403);
            assertThat(send("GET", job + "/zip", token).statusCode()).as(role).isEqualTo(403);
        }
        assertThat(send("GET", job, token("ada", "tb-other", "ADMIN")).statusCode()).isIn(403, 404);
        assertThat(send("GET", path, token("ada", tb, "ADMIN")).body()).contains(job.substring(job.lastIndexOf('/') + 1));

        // an id that is not a download here: a problem, in English or French
        ApiClient.Response unknown = api().get(path + "/nothing-here", token("ada", tb, "ADMIN"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not-an-export");
        assertThat(unknown.text("detail")).contains("24 hours");
        HttpResponse<String> french = http.send(request("GET", path + "/nothing-here", token("ada", tb, "ADMIN"))
                .header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.body()).contains("Nous ne trouvons pas ce téléchargement");
    }

    @Test
    void aJobLeftHalfDoneByAProcessThatDiedIsReportedFailedAndANewOneCanBeMade() throws Exception {
        String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = token("ada", tb, "ADMIN");
        String path = "/api/v1/timebanks/" + tb + "/review/exports";
        // as a process that died an hour ago left it: running, half its rows written, the timebank locked
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ExportJob crashed = new ExportJob("crashed-1", tb, "ada", ExportJob.State.RUNNING, hourAgo, hourAgo, hourAgo,
                null, "a-process-that-died", List.of(new ExportJob.FileProgress("members.csv", 500, 1000L, false)),
                null, null);
        mongo.getCollection("export_jobs").insertOne(ExportJobs.write(crashed));
        mongo.getCollection("export_active").insertOne(new Document("_id", tb).append("job", "crashed-1"));

        ApiClient.Response read = api().get(path + "/crashed-1", admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("state")).isEqualTo("FAILED");
        assertThat(read.text("failure")).isEqualTo("stopped");
        assertThat(api().get(path + "/crashed-1/zip", admin).code()).isEqualTo("export-failed");

        // the lock it held is free again: a new download is made
        HttpResponse<String> again = send("POST", path, admin);
        assertThat(again.statusCode()).isEqualTo(202);
        String location = again.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotEndWith("crashed-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get(location, admin).text("state"), "READY"::equals);
    }

    @Test
    void whileOneInstanceMakesADownloadAnotherRequestGetsThatOneAndItsFileIsNotReadyYet() throws Exception {
        String tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = token("ada", tb, "ADMIN");
        String path = "/api/v1/timebanks/" + tb + "/review/exports";
        // another instance is at work on this timebank's download (its heartbeat is fresh)
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ExportJob elsewhere = new ExportJob("elsewhere-1", tb, "bo", ExportJob.State.RUNNING, now, now, now, null,
                "another-instance", ExportFile.nothingYet(), null, null);
        mongo.getCollection("export_jobs").insertOne(ExportJobs.write(elsewhere));
        mongo.getCollection("export_active").insertOne(new Document("_id", tb).append("job", "elsewhere-1"));

        HttpResponse<String> asked = send("POST", path, admin);
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(asked.headers().firstValue("Location").orElseThrow()).isEqualTo(path + "/elsewhere-1");
        ApiClient.Response zip = api().get(path + "/elsewhere-1/zip", admin);
        assertThat(zip.status()).isEqualTo(409);
        assertThat(zip.code()).isEqualTo("export-not-ready");
        assertThat(api().get(path + "/elsewhere-1", admin).text("state")).isEqualTo("RUNNING");
    }

    // ---- a small timebank: two members, one contribution, its transfer, three listings, a match

    private static List<DomainEvent> timebank(String tb) {
        Instant nov1 = LocalDate.of(2026, 11, 1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant expires = LocalDate.of(2027, 2, 1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        DomainEvent pat = Details.recorded(tb, "pat", "=Pat Jones", MemberKind.SERVICE_USER, nov1);
        DomainEvent sam = Details.recorded(tb, "sam", "Sam Staff", MemberKind.STAFF, nov1);
        ContributionLogged logged = new ContributionLogged(UUID.randomUUID(), NOV_3, tb, "c1", "pat", "sam",
                LoggedBy.GIVER, "pat", null, "sam", 90, LocalDate.of(2026, 11, 3), CoproductionKind.PEER_SUPPORT,
                "a personal note", "m-1", null, NOV_3.plus(Duration.ofDays(21)));
        Instant validatedAt = NOV_3.plus(Duration.ofHours(2));
        ContributionValidated validated = new ContributionValidated(UUID.randomUUID(), validatedAt, tb, "c1", "sam",
                "pat", "sam", 90, "thanks", "m-1", "t-c1");
        TransferPosted posted = new TransferPosted(UUID.randomUUID(), validatedAt, tb, "t-c1", "sam", "pat", 90,
                TransferReason.CONTRIBUTION, -90, 90, "c1", null, 1, "hash-1");
        Instant published = nov1.plus(Duration.ofHours(1));
        OfferPublished offer = new OfferPublished(UUID.randomUUID(), published, tb, "offer-1", "pat", "Gardening together",
                "GARDENING", List.of("weeding", "planting"), 90, "IN_PERSON", "M14", false, expires);
        NeedPublished need = new NeedPublished(UUID.randomUUID(), published, tb, "need-1", "sam", "Help in the garden",
                "GARDENING", List.of(), 90, "IN_PERSON", "M14", false, expires);
        NeedPublished leaflet = new NeedPublished(UUID.randomUUID(), published, tb, "need-2", "sam", "Help with a leaflet",
                "WRITING", List.of(), 60, "REMOTE", null, false, expires);
        ListingWithdrawn withdrawn = new ListingWithdrawn(UUID.randomUUID(), published.plus(Duration.ofDays(1)), tb,
                "need-2", "sam", "NEED", "sam", "changed my mind");
        Instant nov2 = nov1.plus(Duration.ofDays(1));
        MatchProposed proposed = new MatchProposed(UUID.randomUUID(), nov2, tb, "m-1", "pat", "sam", "offer-1", "need-1",
                "pat", "MEMBER", 90, 80, nov2.plus(Duration.ofDays(7)), "Help in the garden");
        MatchAgreed agreed = new MatchAgreed(UUID.randomUUID(), nov2.plus(Duration.ofHours(2)), tb, "m-1", "pat", "sam",
                "offer-1", "need-1", 90, "Help in the garden");
        MatchCompleted completed = new MatchCompleted(UUID.randomUUID(), validatedAt, tb, "m-1", "c1", "pat", "sam", 90);
        // the match's end before its start, a listing's withdrawal before it was published, some twice
        return List.of(completed, pat, sam, sam, withdrawn, logged, validated, posted, posted, offer, need, leaflet,
                leaflet, agreed, proposed, completed);
    }

    // ----

    private static String token(String member, String tb, String role) {
        return SharedInfrastructure.get().tokens().token(member, tb, role);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    private HttpRequest.Builder request(String method, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        return http.send(request(method, path, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The ZIP's entries, in order, each read as UTF-8 text. */
    static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
