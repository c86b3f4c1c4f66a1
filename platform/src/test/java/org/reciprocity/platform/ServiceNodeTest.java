package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the platform tells each service it starts. */
class ServiceNodeTest {

    @Test
    void theLedgerKeepsTheKeyThatSignsItsCheckpointsWithTheDataOutsideTheDatabase() {
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(Path.of("some-data"), 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(ServiceNode.environment(config, "ledger", 8081).get("LEDGER_CHECKPOINT_KEY_FILE"))
                .isEqualTo(Path.of("some-data", "keys", "ledger-checkpoint.pk8").toString());
        assertThat(ServiceNode.environment(config, "matching", 8082)).doesNotContainKey("LEDGER_CHECKPOINT_KEY_FILE");
    }
}
