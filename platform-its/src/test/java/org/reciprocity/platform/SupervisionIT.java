package org.reciprocity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The launcher as {@code ./mvnw -Prun} starts it, in its own JVM with the real broker and
 * identity-service (no other services, to keep this quick): a broker killed with {@code kill -9} is started again and healthy; a launcher
 * killed with {@code kill -9} leaves no child alive; the next launcher finds nothing in its way,
 * even a process an earlier run left holding a port.
 */
class SupervisionIT {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theLauncherStartsAKilledBrokerAgainAndLeavesNoOrphanWhenItIsKilledItself() throws Exception {
        Path data = Files.createTempDirectory("reciprocity-supervision-it");
        int[] ports = freePorts(8);
        String status = "http://127.0.0.1:" + ports[3] + "/dev/status";

        Process launcher = launcher(data, ports);
        // supervision begins once the platform has started (a child that dies while it starts stops the start)
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() ->
                Files.exists(data.resolve("launcher.log"))
                        && Files.readString(data.resolve("launcher.log")).contains("all services healthy"));
        JsonNode kafka = awaitRunning(status, "kafka", 0);
        long brokerPid = kafka.path("pid").asLong();
        assertThat(Files.readString(data.resolve("pids").resolve("kafka.pid")).trim()).isEqualTo(Long.toString(brokerPid));

        // a broker killed with kill -9 is started again, and the status view says so
        long brokerKilled = System.nanoTime();
        ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();
        JsonNode again = awaitRunning(status, "kafka", 1);
        System.out.printf("the broker was killed with kill -9 and running again %d ms later%n",
                (System.nanoTime() - brokerKilled) / 1_000_000);
        assertThat(again.path("pid").asLong()).isNotEqualTo(brokerPid);
        assertThat(again.path("lastExitCode").asInt()).isEqualTo(137);
        assertThat(Files.readString(data.resolve("logs").resolve("platform.log")))
                .contains("kafka stopped unexpectedly (exit code 137, killed by signal 9); starting it again in 1 s")
                .contains("kafka is running again");
        Http.Answer page = Http.get(status + ".html", null);
        assertThat(page.body()).contains("<table>").contains("kafka").contains("1 time");

        // a backup while it runs: the store closed, copied and opened again, the broker's logs copied
        Path backup = data.resolveSibling(data.getFileName() + "-backup");
        Http.Answer taken = BackupUnderLoad.post("http://127.0.0.1:" + ports[3] + "/dev/backup", backup.toString());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(backup.resolve("kafka").resolve("logs").resolve("meta.properties")).exists();
        assertThat(backup.resolve("kafka").resolve("logs").resolve(".lock")).doesNotExist();
        try (var store = Files.list(backup.resolve("mongo"))) {
            assertThat(store.count()).isPositive();
        }
        try (java.net.Socket mongo = new java.net.Socket("127.0.0.1", ports[2])) {
            assertThat(mongo.isConnected()).as("the store answers again").isTrue();
        }
        Path restored = data.resolveSibling(data.getFileName() + "-restored");
        BackupUnderLoad.restore(Path.of(System.getProperty("reciprocity.project.dir", ".")).toAbsolutePath(), backup, restored);
        assertThat(restored.resolve("kafka").resolve("logs").resolve("meta.properties")).exists();
        assertThat(BackupUnderLoad.post("http://127.0.0.1:" + ports[3] + "/dev/backup", backup.toString()).status())
                .as("a backup never overwrites another").isEqualTo(409);

        // a launcher killed with kill -9 takes its children with it
        ProcessHandle broker = ProcessHandle.of(again.path("pid").asLong()).orElseThrow();
        long killed = System.nanoTime();
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(broker.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("the broker stopped with its launcher").isFalse();
        System.out.printf("the broker stopped %d ms after its launcher was killed with kill -9%n",
                (System.nanoTime() - killed) / 1_000_000);

        // something an earlier run left holding the broker's port is stopped by the next launcher
        Process orphan = start(List.of(java(), PidFiles.marker(data), "-cp", System.getProperty("java.class.path"),
                FakeChild.class.getName(), Integer.toString(ports[0])), data.resolve("orphan.log"));
        Files.writeString(data.resolve("pids").resolve("kafka.pid"), orphan.pid() + "\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(data.resolve("orphan.log")).contains("running"));

        launcher(data, ports);
        awaitRunning(status, "kafka", 0);
        assertThat(orphan.isAlive()).isFalse();
        assertThat(Files.readString(data.resolve("logs").resolve("platform.log")))
                .contains("stopped kafka (pid " + orphan.pid() + "), left running by an earlier launcher that did not stop cleanly");
    }

    private JsonNode awaitRunning(String status, String name, int restarts) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Http.Answer answer = Http.get(status, null);
            if (answer.status() != 200) {
                return false;
            }
            for (JsonNode process : answer.json().path("processes")) {
                if (process.path("name").asText().equals(name) && process.path("state").asText().equals("running")
                        && process.path("restarts").asInt() == restarts) {
                    found[0] = process;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private Process launcher(Path data, int[] ports) throws IOException {
        return start(List.of(java(), "-Xmx256m", "-Dlog4j2.configurationFile=classpath:kafka-log4j2.xml",
                "-Dreciprocity.project.dir=" + System.getProperty("reciprocity.project.dir", "."),
                "-Dreciprocity.data=" + data, "-Dreciprocity.services=none",
                "-Dreciprocity.kafka.port=" + ports[0], "-Dreciprocity.kafka.controller.port=" + ports[1],
                "-Dreciprocity.mongo.port=" + ports[2], "-Dreciprocity.issuer.port=" + ports[3],
                "-Dreciprocity.smtp.port=" + ports[4], "-Dreciprocity.ledger.port=" + ports[5],
                "-Dreciprocity.matching.port=" + ports[5], "-Dreciprocity.notification.port=" + ports[5],
                // identity-service starts whatever reciprocity.services says: the issuer is the platform's own
                "-Dreciprocity.identity.port=" + ports[6], "-Dreciprocity.web.port=" + ports[7],
                "-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName()), data.resolve("launcher.log"));
    }

    private Process start(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        started.add(process);
        return process;
    }

    private static int[] freePorts(int count) throws IOException {
        return FreePorts.some(count);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
