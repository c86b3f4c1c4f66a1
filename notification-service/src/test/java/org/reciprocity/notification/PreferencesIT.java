package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.match.MatchProposed;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.notification.EmailUnsubscribed;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/** Members choose how they are told; the unsubscribe link works without signing in; a pause is respected. */
class PreferencesIT extends NotificationServiceIT {

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    @Test
    void invalidPreferencesAreRefusedWithAProblemAndChangeNothing() {
        String path = "/api/v1/timebanks/" + scenario.timebank + "/preferences";
        String token = token(ali.memberId(), scenario.timebank, "MEMBER");

        ApiClient.Response refused = put(path, token, Map.of("channels", Map.of("THANK_YOU", List.of("PIGEON")),
                "digest", true));
        ApiClient.Response badTime = put(path, token, Map.of("channels", Map.of(), "digest", false,
                "quietHours", Map.of("start", "25:00", "end", "07:00")));
        ApiClient.Response sameTimes = put(path, token, Map.of("channels", Map.of(), "digest", false,
                "quietHours", Map.of("start", "07:00", "end", "07:00")));
        ApiClient.Response badLanguage = put(path, token, Map.of("channels", Map.of(), "digest", false,
                "language", "xx"));
        ApiClient.Response badKind = put(path, token, Map.of("channels", Map.of("PIGEON_POST", List.of("EMAIL")),
                "digest", false));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("unknown-channel");
        assertThat(refused.json().path("params").path("channel").asString()).isEqualTo("PIGEON");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.text("code")).isEqualTo("invalid-fields");
        assertThat(sameTimes.status()).isEqualTo(400);
        assertThat(sameTimes.text("code")).isEqualTo("quiet-hours-empty");
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.text("code")).isEqualTo("unknown-language");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.text("code")).isEqualTo("unknown-message-kind");
        JsonNode current = api.get(path, token).json();
        assertThat(current.path("digest").asBoolean()).isFalse();
        assertThat(current.path("quietHours").isNull()).isTrue();
        assertThat(current.path("channels").path("THANK_YOU").toString()).contains("EMAIL");
    }

    @Test
    void theOneClickLinkInEveryEmailStopsEmailsWithoutSigningInAndTheInboxStays() {
        known(scenario.opened("Europe/London"), sam, ali);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(ali.email()).isEmpty());
        String link = header(TestSmtp.receivedBy(ali.email()).get(0), "List-Unsubscribe").replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/api/v1/unsubscribe/"));

        assertThat(api.get(path, null).body()).contains("Yes, stop e-mails");
        assertThat(mongo.getCollection("email_consents").find(new Document("_id", ali.memberId())).first())
                .as("only asking changes nothing").isNull();
        assertThat(api.post(path, null, "").body()).contains("data-page=\"done\"");
        assertThat(api.post(path, null, "").body()).as("the mail program's one-click POST after the member's click")
                .contains("data-page=\"done\"");
        ApiClient.Response unknownLink = api.post("/api/v1/unsubscribe/" + UUID.randomUUID(), null, "");
        assertThat(unknownLink.status()).isEqualTo(404);
        assertThat(unknownLink.text("code")).isEqualTo("unsubscribe-link-not-valid");

        ContributionLogged logged = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, logged);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(ali).stream()
                .anyMatch(i -> i.path("kind").asString().equals("PLEASE_CONFIRM")));
        assertThat(delivery(logged.eventId() + ":" + ali.memberId() + ":EMAIL")).isNull();
        assertThat(TestSmtp.receivedBy(ali.email(), "Please confirm your time with Sam")).isEmpty();
    }

    /**
     * A mail program that sticks a ")" or ">" to the end of the link, or cuts it: the address holds signs
     * no token has and is refused before the token is looked up. A person opening it still gets the kind
     * page in their browser (not the problem's JSON), a program the problem; nothing changes.
     */
    @Test
    void aLinkAMailProgramBrokeShowsAPersonTheKindPageAndAProgramTheProblem() {
        String broken = "/api/v1/unsubscribe/" + "a".repeat(43);
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        ApiClient.Response opened = api.send("GET", broken + ")", null, browser, null);
        ApiClient.Response clicked = api.send("POST", broken + "%3E", null, browser, null);
        ApiClient.Response program = api.send("POST", broken + ")", null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "List-Unsubscribe=One-Click".getBytes());

        assertThat(opened.status()).isEqualTo(404);
        assertThat(opened.contentType()).startsWith("text/html");
        assertThat(opened.body()).contains("This link does not work any more").doesNotContain("\"code\"");
        assertThat(clicked.status()).isEqualTo(404);
        assertThat(clicked.body()).contains("This link does not work any more");
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.code()).isEqualTo("invalid-value");
    }

    /**
     * Issue 18: the link withdraws the member's consent EMAIL_ME (their channel choices stay as they
     * were) and tells the ledger, which keeps consents, once: a second click tells no one.
     */
    @Test
    void theLinkWithdrawsTheEmailConsentAndTellsTheLedgerOnceHoweverOftenItIsUsed() {
        known(scenario.opened("Europe/London"), sam, ali);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(ali.email()).isEmpty());
        String link = header(TestSmtp.receivedBy(ali.email()).get(0), "List-Unsubscribe").replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/api/v1/unsubscribe/"));

        api.post(path, null, "");
        api.post(path, null, "");

        Document consent = mongo.getCollection("email_consents").find(new Document("_id", ali.memberId())).first();
        assertThat(consent.getBoolean("given")).isFalse();
        assertThat(consent.getString("timebankId")).isEqualTo(scenario.timebank);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("email_consents")
                .find(new Document("_id", ali.memberId()).append("outbox.0", new Document("$exists", true))).first() == null);
        // published and acknowledged before the outbox emptied: a marker sent now, on the same key, comes after it
        EmailUnsubscribed marker = new EmailUnsubscribed(UUID.randomUUID(), Instant.now(), scenario.timebank, ali.memberId());
        TopicProbe.send(bootstrap, marker);
        List<String> told = TopicProbe.readUntil(bootstrap, Topics.NOTIFICATIONS_TOPIC,
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker.eventId().toString()),
                        Duration.ofSeconds(30)).stream()
                .filter(r -> ali.memberId().equals(r.key()))
                .filter(r -> "reciprocity.EmailUnsubscribed.v1".equals(CloudEventHeaders.get(r.headers(), "ce_type")))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(v -> !v.contains(marker.eventId().toString())).toList();
        assertThat(told).as("told once").hasSize(1);
        assertThat(told.get(0)).contains(scenario.timebank);
        JsonNode preferences = api.get("/api/v1/timebanks/" + scenario.timebank + "/preferences",
                token(ali.memberId(), scenario.timebank, "MEMBER")).json();
        assertThat(preferences.path("channels").path("THANK_YOU").toString()).as("channel choices untouched")
                .contains("EMAIL");
    }

    @Test
    void aPausedMemberIsToldOnlyAboutADisputeOfTheirOwnHours() {
        known(scenario.opened("Europe/London"), sam, ali);
        TopicProbe.send(bootstrap, new MemberPaused(UUID.randomUUID(), Instant.now(), scenario.timebank, sam.memberId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(
                mongo.getCollection("recipients").find(new Document("_id", sam.memberId())).first().get("paused")));

        TopicProbe.send(bootstrap, new MatchProposed(UUID.randomUUID(), Instant.now(), scenario.timebank, "m-" + UUID.randomUUID(),
                sam.memberId(), ali.memberId(), "offer", "need", "coordinator-1", "COORDINATOR", 60, 80,
                Instant.now().plusSeconds(86_400)));
        TopicProbe.send(bootstrap, new ContributionDisputed(UUID.randomUUID(), Instant.now(), scenario.timebank,
                "c-" + UUID.randomUUID(), ali.memberId(), sam.memberId(), ali.memberId(), "It was one hour"));

        // Ali (not paused) gets both: once both are in Ali's inbox, both events have been handled for Sam too
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(ali).size() >= 2);
        assertThat(inbox(sam)).extracting(i -> i.path("kind").asString()).containsExactly("DISPUTE_OPENED");
    }

    private List<JsonNode> inbox(MemberRegistered member) {
        JsonNode page = api.get("/api/v1/timebanks/" + scenario.timebank + "/inbox",
                token(member.memberId(), scenario.timebank, "MEMBER")).json();
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> !i.path("kind").asString().equals("WELCOME")).toList();
    }

    private static String header(jakarta.mail.internet.MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
