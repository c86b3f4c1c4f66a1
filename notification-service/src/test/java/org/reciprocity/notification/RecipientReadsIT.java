package org.reciprocity.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, "who looked", in notification-service on the real broker and store: a coordinator's look
 * at a member's contact details, and at the delivery log that lists messages sent to them, is kept
 * with its reason for the member to list; the member's own look is not.
 */
class RecipientReadsIT extends NotificationServiceIT {

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);
    final MemberRegistered lou = new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank,
            UUID.randomUUID().toString(), MemberKind.NEIGHBOUR, "Lou", "lou@example.org", "en", null, "coordinator-1");
    final String recipient = "/api/v1/timebanks/" + timebank + "/recipients/" + lou.memberId();
    final String reads = "/api/v1/timebanks/" + timebank + "/members/" + lou.memberId() + "/reads";

    @Test
    void aCoordinatorsLookAtAMembersContactDetailsIsKeptWithItsReason() {
        String herself = token(lou.memberId(), timebank, "MEMBER");
        known(lou);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(recipient, herself).status() == 200);
        assertThat(api.get(reads, herself).json().size()).as("her own look is not kept").isZero();

        ApiClient.Response looked = api.send("GET", recipient, token("c-1", timebank, "COORDINATOR"),
                Map.of("Reciprocity-Read-Reason", "SAFEGUARDING"), null);

        assertThat(looked.status()).isEqualTo(200);
        JsonNode list = api.get(reads, herself).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.path(0).path("readerId").asString()).isEqualTo("c-1");
        assertThat(list.path(0).path("what").asString()).isEqualTo("READ_RECIPIENT");
        assertThat(list.path(0).path("why").asString()).isEqualTo("SAFEGUARDING");
        assertThat(api.get(reads, token("m-1", timebank, "MEMBER")).status()).isEqualTo(403);
    }

    @Test
    void aLookAtTheDeliveryLogIsKeptForEachMemberItShows() {
        String coordinator = token("c-2", timebank, "COORDINATOR");
        known(lou);
        String deliveries = "/api/v1/timebanks/" + timebank + "/deliveries";

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(deliveries, coordinator).body().contains(lou.memberId()));

        JsonNode list = api.get(reads, token(lou.memberId(), timebank, "MEMBER")).json();
        assertThat(list.size()).isPositive();
        assertThat(list.path(0).path("readerId").asString()).isEqualTo("c-2");
        assertThat(list.path(0).path("what").asString()).isEqualTo("READ_DELIVERY_LOG");
        assertThat(list.path(0).path("why").asString()).isEqualTo("NOT_GIVEN");
    }
}
