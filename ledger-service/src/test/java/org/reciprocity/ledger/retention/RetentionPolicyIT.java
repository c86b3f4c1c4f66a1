package org.reciprocity.ledger.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18: a timebank's retention policy is the defaults until its admin sets one; a change is kept
 * and announced on the timebanks topic (RetentionPolicyChanged) for the services that apply it; a bad
 * period is refused and changes nothing; only the admin reads or sets it.
 */
@ServiceIntegrationTest
class RetentionPolicyIT {

    @LocalServerPort
    int port;

    @Test
    void theAdminSetsThePolicyAndTheServicesHearIt() {
        LedgerFixture given = new LedgerFixture(port);
        String path = given.path("/retention-policy");
        assertThat(given.api.get(path, given.admin()).json().path("plansDays").asInt()).isEqualTo(90);

        ApiClient.Response set = given.api.put(path, given.admin(), Map.of("messagesDays", 200, "closedListingsDays", 180,
                "closedMatchActivityDays", 120, "plansDays", 30, "leftMembersDays", 730));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(given.api.get(path, given.admin()).json().path("messagesDays").asInt()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(),
                Topics.TIMEBANKS_TOPIC, r -> given.timebank.equals(r.key())
                        && new String(r.value(), StandardCharsets.UTF_8).contains("\"plansDays\":30"), Duration.ofSeconds(30));
        assertThat(seen).as("RetentionPolicyChanged on the timebanks topic").isNotEmpty();
        assertThat(new String(seen.get(seen.size() - 1).value(), StandardCharsets.UTF_8))
                .contains("\"messagesDays\":200").contains("\"changedBy\":\"admin-1\"");
    }

    @Test
    void aPeriodOfNoDaysIsRefusedAndChangesNothingAndOnlyTheAdminMayRead() {
        LedgerFixture given = new LedgerFixture(port);
        String path = given.path("/retention-policy");
        ApiClient.Response refused = given.api.put(path, given.admin(), Map.of("messagesDays", 0, "closedListingsDays", 180,
                "closedMatchActivityDays", 120, "plansDays", 30, "leftMembersDays", 730));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(given.api.get(path, given.admin()).json().path("messagesDays").asInt()).isEqualTo(365);
        assertThat(given.api.get(path, given.coordinator()).status()).isEqualTo(403);
    }
}
