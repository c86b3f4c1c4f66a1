package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;

/** notification-service learns who it can reach from the ledger's member events on the real broker. */
class RecipientsIT extends NotificationServiceIT {

    @Test
    void aRegisteredMemberBecomesARecipientVisibleToCoordinatorsOnly() {
        String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        MemberRegistered registered = new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank,
                UUID.randomUUID().toString(), MemberKind.NEIGHBOUR, "Lou", "lou@example.org", "fr", null, "coordinator-1");
        String path = "/api/v1/timebanks/" + timebank + "/recipients/" + registered.memberId();
        String coordinator = SharedInfrastructure.get().tokens().token("c-1", timebank, "COORDINATOR");

        TopicProbe.send(SharedInfrastructure.get().kafkaBootstrapServers(), registered);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, coordinator).status() == 200);
        ApiClient.Response recipient = api.get(path, coordinator);
        assertThat(recipient.text("email")).isEqualTo("lou@example.org");
        assertThat(recipient.text("language")).isEqualTo("fr");
        assertThat(api.get(path, SharedInfrastructure.get().tokens().token("m-1", timebank, "MEMBER")).status())
                .isEqualTo(403);
    }
}
