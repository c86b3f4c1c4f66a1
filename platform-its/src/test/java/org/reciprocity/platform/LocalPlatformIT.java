package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What the README's run command starts, started here on free ports and a fresh data folder: a
 * real KRaft broker in a child JVM, mongo-java-server on H2, identity-service (whose local-only
 * helper signs the tokens), the three services and the portal as separate processes. The slice runs across them, a match agreed in matching is fulfilled in the ledger and
 * completed back in matching; a backup taken under load and restored into a fresh data folder
 * starts again with everything acknowledged before it, a chain that verifies and balances that sum to zero.
 */
@Order(3)
class LocalPlatformIT {

    @Test
    void theWholePlatformRunsTheSliceAndItsBackupRestoresIntoAFreshDataFolder() throws Exception {
        StepSevenSlice.Created created;
        BackupUnderLoad.Taken backup;
        PlatformConfig config;
        // the platform DemoTimebankIT ran on, if it ran first in this JVM (it only adds its own timebank)
        try (LocalPlatform platform = SharedPlatform.takeOver()) {
            config = platform.config();
            created = StepSevenSlice.run(platform);

            String member = platform.devToken("m-1", created.timebank(), List.of("MEMBER"));
            assertThat(Http.post(platform.url("ledger-service") + "/api/v1/timebanks", null, "{}").status())
                    .as("no token").isEqualTo(401);
            assertThat(Http.post(platform.url("ledger-service") + "/api/v1/timebanks/" + created.timebank() + "/members",
                    member, "{\"kind\":\"CARER\",\"displayName\":\"Kim\"}").status()).as("wrong role").isEqualTo(403);
            theServicesCheckIssuerAndAudienceAndShowHealthDetailsToAdminsOnly(platform, created.timebank());

            MatchToLedgerFlow.run(platform, created.timebank());
            backup = BackupUnderLoad.take(platform, created.timebank(), config.dataDir().resolveSibling(
                    config.dataDir().getFileName() + "-backup"));
        }

        // everything again, from the backup restored into a fresh data folder
        Path restored = config.dataDir().resolveSibling(config.dataDir().getFileName() + "-restored");
        BackupUnderLoad.restore(config.projectDir(), backup.backup(), restored);
        try (LocalPlatform restarted = new LocalPlatform(config.withPorts(restored, config.kafkaPort(),
                config.kafkaControllerPort(), config.mongoPort(), config.issuerPort(), config.ledgerPort(), config.matchingPort(),
                config.notificationPort(), config.smtpPort(), config.identityPort(), config.webPort()))) {
            restarted.start(Duration.ofSeconds(420));
            StepSevenSlice.assertReadModelsHave(restarted, created);
            BackupUnderLoad.assertRestored(restarted, backup);
        }
    }

    /** Issue 10, findings 3 and 6, on the services as the run command starts them. */
    private static void theServicesCheckIssuerAndAudienceAndShowHealthDetailsToAdminsOnly(LocalPlatform platform,
            String timebank) {
        PlatformConfig config = platform.config();
        String otherIssuer = platform.devTokenNaming("https://elsewhere.example", config.audience(), "admin-1", timebank,
                List.of("ADMIN"));
        String otherAudience = platform.devTokenNaming(config.issuer(), "another-app", "admin-1", timebank, List.of("ADMIN"));
        String admin = platform.devToken("admin-1", timebank, List.of("ADMIN"));
        for (String service : List.of("ledger-service", "matching-service", "notification-service")) {
            String health = platform.url(service) + "/actuator/health";
            Http.Answer anonymous = Http.get(health, null);
            Http.Answer asAdmin = Http.get(health, admin);

            assertThat(anonymous.status()).as(service).isEqualTo(200);
            assertThat(anonymous.json().has("components")).as(service + ": components for a stranger").isFalse();
            assertThat(anonymous.body()).as(service).doesNotContain("clusterId");
            assertThat(asAdmin.json().path("components").path("issuer").path("status").asText()).as(service).isEqualTo("UP");
            assertThat(asAdmin.json().path("components").path("kafka").path("details").has("clusterId")).as(service).isTrue();
            for (String token : List.of(otherIssuer, otherAudience)) {
                Http.Answer refused = Http.get(health, token);
                assertThat(refused.status()).as(service).isEqualTo(401);
                assertThat(refused.text("code")).as(service).isEqualTo("not-signed-in");
            }
        }
    }
}
