package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A backup taken while a coordinator keeps registering members, restored with
 * {@code scripts/restore.sh} into a fresh data folder: every registration acknowledged before the
 * backup began is in the restored ledger and in matching's read model, the chain verifies and the
 * balances sum to zero.
 */
final class BackupUnderLoad {

    private BackupUnderLoad() {
    }

    /** What the restored platform must hold: the members acknowledged before the backup began. */
    record Taken(Path backup, String timebank, List<String> acknowledgedBefore, int acknowledgedInAll) {
    }

    static Taken take(LocalPlatform platform, String timebank, Path backup) throws Exception {
        String coordinator = platform.devToken("coordinator-1", timebank, List.of("COORDINATOR", "ADMIN"));
        String members = platform.url("ledger-service") + "/api/v1/timebanks/" + timebank + "/members";
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            for (int i = 0; loading.get(); i++) {
                Http.Answer r = Http.post(members, coordinator, "{\"kind\":\"NEIGHBOUR\",\"displayName\":\"Neighbour " + i + "\"}");
                if (r.status() == 201) {
                    acknowledged.add(r.text("id"));
                }
            }
        }, "load");
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 5);

        List<String> before = List.copyOf(acknowledged);
        Http.Answer answer = post("http://127.0.0.1:" + platform.config().issuerPort() + "/dev/backup", backup.toString());
        Thread.sleep(1_000);
        loading.set(false);
        load.join(TimeUnit.SECONDS.toMillis(40));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("backup")).isEqualTo(backup.toString());
        assertThat(backup.resolve("backup.txt")).exists();
        assertThat(acknowledged.size()).as("registrations went on after the backup").isGreaterThan(before.size());
        return new Taken(backup, timebank, before, acknowledged.size());
    }

    /** Runs {@code scripts/restore.sh <backup> <data>} as a person would. */
    static void restore(Path projectDir, Path backup, Path data) throws Exception {
        Path log = data.resolveSibling(data.getFileName() + "-restore.log");
        Process restore = new ProcessBuilder("bash", projectDir.resolve("scripts").resolve("restore.sh").toString(),
                backup.toString(), data.toString()).directory(projectDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        assertThat(restore.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(Files.readString(log)).isZero();
    }

    static void assertRestored(LocalPlatform platform, Taken taken) {
        String admin = platform.devToken("admin-1", taken.timebank(), List.of("ADMIN", "COORDINATOR"));
        String ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + taken.timebank();
        String matching = platform.url("matching-service") + "/api/v1/timebanks/" + taken.timebank();
        for (String member : taken.acknowledgedBefore()) {
            assertThat(Http.get(ledger + "/members/" + member, admin).status()).as("member " + member).isEqualTo(200);
        }
        Http.Answer verification = Http.get(ledger + "/ledger/verification", admin);
        assertThat(verification.json().path("intact").asBoolean()).as(verification.body()).isTrue();
        Http.Answer accounts = Http.get(ledger + "/accounts", admin);
        assertThat(accounts.json().path("accounts").size()).as(accounts.body()).isPositive();
        assertThat(accounts.json().path("sumOfBalances").asLong()).as(accounts.body()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String member : taken.acknowledgedBefore()) {
                assertThat(Http.get(matching + "/profiles/" + member, admin).status()).as("profile " + member).isEqualTo(200);
            }
        });
    }

    static Http.Answer post(String url, String body) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(60))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(response.statusCode(), response.body());
    }
}
