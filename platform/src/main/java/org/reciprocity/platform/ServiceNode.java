package org.reciprocity.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Reciprocity service, run from its executable jar in its own JVM. */
final class ServiceNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;

    private ServiceNode(String name, int port, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceNode start(PlatformConfig config, String name, String database, int port) throws IOException {
        Path jar = config.projectDir().resolve(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (the README's run command does)");
        }
        Path logFile = config.dataDir().resolve("logs").resolve(name + ".log");
        Process process = ChildJvm.startJar(jar, List.of("-Xmx512m"), environment(config, database, port), logFile);
        return new ServiceNode(name, port, process, logFile);
    }

    /** What a service reads from its environment here: where everything is, and the issuer it must trust. */
    static Map<String, String> environment(PlatformConfig config, String database, int port) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORT", Integer.toString(port),
                "MONGODB_URI", config.mongoUri(database),
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "JWK_SET_URI", config.jwkSetUri(),
                "JWT_ISSUER", config.issuer(),
                "JWT_AUDIENCE", config.audience(),
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(config.smtpPort()),
                // unsubscribe links in e-mails point at the notification service as run here
                "NOTIFICATION_PUBLIC_BASE_URL", "http://127.0.0.1:" + config.notificationPort()));
        if ("ledger".equals(database)) {
            // the key that signs checkpoints of the hash chain: with the data, outside the database
            environment.put("LEDGER_CHECKPOINT_KEY_FILE", ledgerCheckpointKey(config).toString());
        }
        return Map.copyOf(environment);
    }

    /** Where the ledger keeps the key that signs its checkpoints (created there on its first start). */
    static Path ledgerCheckpointKey(PlatformConfig config) {
        return config.dataDir().resolve("keys").resolve("ledger-checkpoint.pk8");
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * True once {@code /actuator/health} answers UP: Kafka, MongoDB and the issuer's keys, fetched.
     * Asked without a token, it answers the overall status only ({@code {"status":"UP"}}, DOWN is a 503).
     */
    boolean isHealthy() {
        return isHealthy(url());
    }

    static boolean isHealthy(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.stop(process, Duration.ofSeconds(30));
    }
}
