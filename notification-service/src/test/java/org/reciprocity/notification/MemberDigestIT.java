package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Date;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.TopicProbe;

/** The digest preference, end to end: e-mails are held until digest-at in the timebank's zone, then sent as one. */
class MemberDigestIT extends NotificationServiceIT {

    static final String DIGEST = "Your news from Riverside";
    static final String SINGLE = "Did Sam give you 1 hour and 30 minutes?";

    final Scenario scenario = new Scenario();

    @Test
    void aMemberWhoAskedForADigestGetsOneEmailForEverythingHeldAtDigestTime() {
        MemberRegistered sam = scenario.member("Sam", "en");
        MemberRegistered ali = scenario.member("Ali", "en");
        known(scenario.opened("America/Montreal"), sam, ali);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(ali.email()).isEmpty()); // the welcome
        ApiClient.Response set = put("/api/v1/timebanks/" + scenario.timebank + "/preferences",
                token(ali.memberId(), scenario.timebank, "MEMBER"), Map.of("channels", Map.of(), "digest", true));
        assertThat(set.status()).isEqualTo(200);
        clock.moveTo(Instant.parse("2026-11-27T15:00:00Z")); // 10:00 in Montreal; digests go out at 18:00
        ContributionLogged first = scenario.logged(sam, ali);
        ContributionLogged second = scenario.logged(sam, ali);

        TopicProbe.send(bootstrap, first);
        TopicProbe.send(bootstrap, second);

        String firstId = first.eventId() + ":" + ali.memberId() + ":EMAIL";
        String secondId = second.eventId() + ":" + ali.memberId() + ":EMAIL";
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery(firstId) != null && delivery(secondId) != null);
        Date sixPmInMontreal = Date.from(Instant.parse("2026-11-27T23:00:00Z"));
        for (String id : new String[] {firstId, secondId}) {
            assertThat(delivery(id).getString("status")).isEqualTo("HELD");
            assertThat(delivery(id).getDate("nextAttemptAt")).isEqualTo(sixPmInMontreal);
        }
        assertThat(inboxItems(scenario.timebank, ali.memberId(), "PLEASE_CONFIRM")).hasSize(2); // the inbox is never held
        assertThat(TestSmtp.receivedBy(ali.email(), DIGEST)).isEmpty();

        clock.moveTo(Instant.parse("2026-11-27T23:00:01Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(delivery(firstId).getString("status"))
                && "SENT".equals(delivery(secondId).getString("status")));
        assertThat(TestSmtp.receivedBy(ali.email(), DIGEST)).singleElement().satisfies(mail -> {
            String body = TestSmtp.textOf(mail);
            assertThat(body).contains("Here is what happened since the last e-mail.");
            assertThat(body.split("Sam says they gave you 1 hour and 30 minutes", -1)).hasSize(3);
        });
        assertThat(TestSmtp.receivedBy(ali.email(), SINGLE)).isEmpty();
    }
}
