package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform tells each service, identity-service and the portal it starts. */
class ServiceNodeTest {

    @TempDir
    Path data;

    private PlatformConfig config() {
        return PlatformConfig.fromEnvironment().withPorts(data, 9092, 9093, 27027, 9000, 8081, 8082, 8083, 3025)
                .withPortalPorts(9090, 8080);
    }

    @Test
    void theLedgerKeepsTheKeyThatSignsItsCheckpointsWithTheDataOutsideTheDatabase() {
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(Path.of("some-data"), 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(ServiceNode.environment(config, "ledger", 8081).get("LEDGER_CHECKPOINT_KEY_FILE"))
                .isEqualTo(Path.of("some-data", "keys", "ledger-checkpoint.pk8").toString());
        assertThat(ServiceNode.environment(config, "matching", 8082)).doesNotContainKey("LEDGER_CHECKPOINT_KEY_FILE");
    }

    @Test
    void theServicesTrustIdentityServiceByItsNameOnLocalhostItsKeysAndTheAudience() {
        Map<String, String> ledger = ServiceNode.environment(config(), "ledger", 8081);

        assertThat(ledger).containsEntry("JWT_ISSUER", "http://localhost:9090")
                .containsEntry("JWK_SET_URI", "http://localhost:9090/oauth2/jwks")
                .containsEntry("JWT_AUDIENCE", "reciprocity");
    }

    @Test
    void identityServiceGetsTheContractsSettingsItsOwnDatabaseAndTheLocalHelpers() {
        Map<String, String> identity = ServiceNode.identityEnvironment(config());

        assertThat(identity).containsEntry("PORT", "9090")
                .containsEntry("ISSUER_URL", "http://localhost:9090")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27027/identity")
                .containsEntry("SMTP_HOST", "127.0.0.1").containsEntry("SMTP_PORT", "3025")
                .containsEntry("PORTAL_URL", "http://localhost:8080")
                .containsEntry("WEB_CLIENT_ID", "reciprocity-portal")
                .containsEntry("WEB_CLIENT_SECRET", PortalClientSecret.in(data))
                .containsEntry("JWT_AUDIENCE", "reciprocity")
                .containsEntry("RECIPROCITY_LOCAL", "true")
                .containsEntry("BOOTSTRAP_TIMEBANK", config().devTimebank());
    }

    @Test
    void thePortalGetsItselfIdentityServiceTheSameSecretAndTheServices() {
        Map<String, String> portal = ServiceNode.portalEnvironment(config());

        assertThat(portal).containsEntry("PORT", "8080")
                .containsEntry("PORTAL_URL", "http://localhost:8080")
                .containsEntry("ISSUER_URL", "http://localhost:9090")
                .containsEntry("IDENTITY_URL", "http://localhost:9090")
                .containsEntry("WEB_CLIENT_ID", "reciprocity-portal")
                .containsEntry("WEB_CLIENT_SECRET", ServiceNode.identityEnvironment(config()).get("WEB_CLIENT_SECRET"))
                .containsEntry("LEDGER_URL", "http://127.0.0.1:8081")
                .containsEntry("MATCHING_URL", "http://127.0.0.1:8082")
                .containsEntry("NOTIFICATION_URL", "http://127.0.0.1:8083")
                .containsEntry("REVIEW_URL", "http://127.0.0.1:8085")
                .containsEntry("SESSION_SECURE", "false");
    }

    @Test
    void thePortalsSecretIsRandomPerDataFolderKeptThereAndReadableByItsOwnerOnly(@TempDir Path another) throws Exception {
        String secret = PortalClientSecret.in(data);

        assertThat(secret).hasSizeGreaterThanOrEqualTo(40).doesNotContain(" ");
        assertThat(PortalClientSecret.in(data)).as("the same at the next start").isEqualTo(secret);
        assertThat(PortalClientSecret.in(another)).as("another data folder's").isNotEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(PortalClientSecret.file(data))))
                .isEqualTo("rw-------");
    }

    @Test
    void everyJvmOfThePlatformRunsSmallByDefaultEachWithAHeapOfItsOwn() {
        for (String name : List.of("launcher", "kafka", "identity", "ledger", "matching", "notification", "web")) {
            assertThat(JvmOptions.of(name)).as(name).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                    .contains("-Xmx" + JvmOptions.HEAPS.get(name));
        }
        assertThat(JvmOptions.nameOf("ledger-service")).isEqualTo("ledger");
        assertThat(JvmOptions.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void aHeapAndTheCommonOptionsAreSettings() {
        System.setProperty("reciprocity.ledger.heap", "384m");
        System.setProperty("reciprocity.jvm.options", "-XX:+UseG1GC");
        try {
            assertThat(JvmOptions.of("ledger")).containsExactly("-XX:+UseG1GC", "-Xmx384m");
            assertThat(JvmOptions.of("matching")).containsExactly("-XX:+UseG1GC", "-Xmx" + JvmOptions.HEAPS.get("matching"));
        } finally {
            System.clearProperty("reciprocity.ledger.heap");
            System.clearProperty("reciprocity.jvm.options");
        }
    }

    @Test
    void theOldWayToMoveThePortsKeepsIdentityAndThePortalWhereTheyAreTheNewOneMovesThem() {
        PlatformConfig moved = PlatformConfig.fromEnvironment().withPorts(data, 1, 2, 3, 4, 5, 6, 7, 8);

        assertThat(moved.identityPort()).isEqualTo(PlatformConfig.fromEnvironment().identityPort());
        PlatformConfig both = moved.withPorts(data, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(both.issuer()).isEqualTo("http://localhost:9");
        assertThat(both.portalUrl()).isEqualTo("http://localhost:10");
        assertThat(both.devPagesUrl()).isEqualTo("http://127.0.0.1:4");
    }

    @Test
    void reviewServiceSitsTwoAboveNotificationUnlessAnotherPartHasThatPort() {
        PlatformConfig apart = PlatformConfig.fromEnvironment().withPorts(data, 1, 2, 3, 4, 5, 6, 100, 8, 9, 10);
        assertThat(apart.reviewPort()).isEqualTo(102);

        // consecutive free ports from the OS: notification 7, smtp 8, identity 9, portal 10
        PlatformConfig consecutive = PlatformConfig.fromEnvironment().withPorts(data, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(consecutive.reviewPort()).isEqualTo(11);
    }
}
