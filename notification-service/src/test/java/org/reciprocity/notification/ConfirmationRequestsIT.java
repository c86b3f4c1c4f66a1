package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * Requests to confirm time, through the real broker: they reach a paused member (it is about their
 * own hours; pausing is about new matches), and once the time is withdrawn, expired or answered,
 * the request says so instead of asking.
 */
class ConfirmationRequestsIT extends NotificationServiceIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    final Scenario scenario = new Scenario();
    final MemberRegistered sam = scenario.member("Sam", "en");
    final MemberRegistered ali = scenario.member("Ali", "en");

    @Test
    void aPausedMemberIsStillAskedToConfirmTimeLoggedWithThemInTheInboxAndByEmail() {
        known(scenario.opened("Europe/London"), sam, ali);
        TopicProbe.send(bootstrap, new MemberPaused(UUID.randomUUID(), Instant.now(), scenario.timebank, ali.memberId()));
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(
                mongo.getCollection("recipients").find(new Document("_id", ali.memberId())).first().get("paused")));
        ContributionLogged logged = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, logged);
        TopicProbe.send(bootstrap, scenario.reminder(logged));

        await().atMost(WAIT).until(() -> inboxItems(scenario.timebank, ali.memberId(), "REMINDER").size() == 1);
        assertThat(inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM")).hasSize(1);
        await().atMost(WAIT).until(() -> delivery(logged.eventId() + ":" + ali.memberId() + ":EMAIL") != null
                && "SENT".equals(delivery(logged.eventId() + ":" + ali.memberId() + ":EMAIL").getString("status")));
    }

    @Test
    void aWithdrawnContributionNoLongerAsksTheOtherPersonToConfirmIt() {
        known(scenario.opened("Europe/London"), sam, ali);
        ContributionLogged logged = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, logged);
        TopicProbe.send(bootstrap, scenario.reminder(logged));
        await().atMost(WAIT).until(() -> inboxItems(scenario.timebank, ali.memberId(), "REMINDER").size() == 1);
        JsonNode asked = inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM").get(0);
        assertThat(asked.path("closedBecause").isNull() || asked.path("closedBecause").isMissingNode()).isTrue();

        TopicProbe.send(bootstrap, new ContributionWithdrawn(UUID.randomUUID(), Instant.now(), scenario.timebank,
                logged.contributionId(), sam.memberId(), sam.memberId(), ali.memberId()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(items(ali))
                .extracting(i -> i.path("kind").asString() + ":" + i.path("closedBecause").asString())
                .containsExactlyInAnyOrder("PLEASE_CONFIRM:WITHDRAWN", "REMINDER:WITHDRAWN"));
        JsonNode closed = inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM").get(0);
        assertThat(closed.path("title").asString()).as("it no longer asks").isNotEqualTo(asked.path("title").asString());
        assertThat(closed.path("paragraphs").toString()).doesNotContain(asked.path("paragraphs").get(0).asString());
        assertThat(items(sam)).as("Sam, who withdrew it, is told nothing").isEmpty();
    }

    @Test
    void aContributionLoggedAndEndedInOneBatchLeavesItsRequestClosed() {
        known(scenario.opened("Europe/London"), sam, ali);
        ContributionLogged logged = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, logged);
        TopicProbe.send(bootstrap, new ContributionExpired(UUID.randomUUID(), Instant.now(), scenario.timebank,
                logged.contributionId(), sam.memberId(), ali.memberId()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM"))
                .extracting(i -> i.path("closedBecause").asString()).containsExactly("EXPIRED"));
    }

    @Test
    void aConfirmedContributionsRequestSaysItIsDone() {
        known(scenario.opened("Europe/London"), sam, ali);
        ContributionLogged logged = scenario.logged(sam, ali);
        TopicProbe.send(bootstrap, logged);
        await().atMost(WAIT).until(() -> inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM").size() == 1);

        TopicProbe.send(bootstrap, scenario.validated(logged, "Thank you"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM"))
                .extracting(i -> i.path("closedBecause").asString()).containsExactly("CONFIRMED"));
        assertThat(inboxItems(scenario.timebank, sam.memberId(), "THANK_YOU")).hasSize(1);
    }

    private List<JsonNode> items(MemberRegistered member) {
        JsonNode page = api.get("/api/v1/timebanks/" + scenario.timebank + "/inbox",
                token(member.memberId(), scenario.timebank, "MEMBER")).json();
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> !i.path("kind").asString().equals("WELCOME")).toList();
    }
}
