package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.TopicProbe;

/** The ledger's SoftLimitCrossed, from the real broker to the member's and the coordinators' e-mail and inbox. */
class BalanceWarningsIT extends NotificationServiceIT {

    final Scenario scenario = new Scenario();

    @Test
    void aBalanceCloseToTheLimitIsToldKindlyToTheMemberInTheirLanguageAndToTheCoordinators() {
        MemberRegistered cleo = scenario.member("Cleo", "en", "COORDINATOR");
        MemberRegistered quinn = scenario.member("Quinn", "fr");
        known(scenario.opened("Europe/Paris"), cleo, quinn);
        SoftLimitCrossed crossed = scenario.nearTheLowestBalance(quinn);

        TopicProbe.send(bootstrap, crossed);
        TopicProbe.send(bootstrap, crossed); // redelivered

        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestSmtp.receivedBy(quinn.email(), "Votre solde est proche de la limite").size() == 1
                        && TestSmtp.receivedBy(cleo.email(), "Quinn’s balance is close to the limit").size() == 1);
        assertThat(TestSmtp.textOf(TestSmtp.receivedBy(quinn.email(), "Votre solde est proche de la limite").get(0)))
                .contains("Quand vous donnez du temps, il remonte.")
                .contains("vous ne pourrez plus recevoir d’aide");
        assertThat(inboxItems(scenario.timebank, quinn.memberId(), "BALANCE_NEAR_LIMIT")).hasSize(1);
        assertThat(inboxItems(scenario.timebank, cleo.memberId(), "BALANCE_NEAR_LIMIT_TO_REVIEW")).singleElement()
                .satisfies(item -> assertThat(item.path("paragraphs").toString()).contains("Quinn’s balance is close to the lowest it can be"));
        assertThat(delivery(crossed.eventId() + ":" + quinn.memberId() + ":EMAIL").getString("status")).isEqualTo("SENT");
    }
}
