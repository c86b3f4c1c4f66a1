package org.reciprocity.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.ledger.LedgerFixture;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The schedule checkpoints a timebank whose chain head moved, once its last checkpoint is old enough, and only then. */
@ServiceIntegrationTest
class CheckpointScheduleIT {

    static final Duration DAILY = Duration.ofHours(23);

    @LocalServerPort
    int port;

    @Autowired
    Checkpoints checkpoints;

    @Test
    void aTimebankIsCheckpointedWhenItsHeadMovedAndItsLastCheckpointIsOldEnough() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        assertThat(checkpoints.takeIfDue(given.timebank, DAILY)).as("nothing posted yet").isEmpty();

        aValidatedContribution(given, sam, ali);
        ChainCheckpointed first = checkpoints.takeIfDue(given.timebank, DAILY).orElseThrow();
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(checkpoints.takeIfDue(given.timebank, Duration.ZERO)).as("the head did not move").isEmpty();

        aValidatedContribution(given, sam, ali);
        assertThat(checkpoints.takeIfDue(given.timebank, DAILY)).as("the last checkpoint is recent").isEmpty();
        ChainCheckpointed next = checkpoints.takeIfDue(given.timebank, Duration.ZERO).orElseThrow();
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(checkpoints.last(given.timebank).orElseThrow().headHash()).isEqualTo(next.headHash());
    }

    private static void aValidatedContribution(LedgerFixture given, String giver, String receiver) {
        ApiClient.Response logged = given.logGiven(giver, receiver, 30);
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        ApiClient.Response validated = given.validate(logged.text("id"), receiver, "Thank you");
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
    }
}
