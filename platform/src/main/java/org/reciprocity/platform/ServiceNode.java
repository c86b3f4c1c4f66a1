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
final class ServiceNode implements Child {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformConfig config;
    private final String name;
    private final String database;
    private final int port;
    private final Path jar;
    private final Path logFile;

    private ServiceNode(PlatformConfig config, String name, String database, int port, Path jar, Path logFile) {
        this.config = config;
        this.name = name;
        this.database = database;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
    }

    /** The service as the launcher runs it; starts nothing yet. */
    static ServiceNode of(PlatformConfig config, String name, String database, int port) {
        Path jar = config.projectDir().resolve(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (the README's run command does)");
        }
        return new ServiceNode(config, name, database, port, jar, config.dataDir().resolve("logs").resolve(name + ".log"));
    }

    @Override
    public Process launch() throws IOException {
        return ChildJvm.startJar(config.dataDir(), jar, List.of("-Xmx512m"), environment(config, database, port), logFile);
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

    @Override
    public String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    /**
     * True once {@code /actuator/health} answers UP: Kafka, MongoDB and the issuer's keys, fetched.
     * Asked without a token, it answers the overall status only ({@code {"status":"UP"}}, DOWN is a 503).
     */
    @Override
    public boolean isHealthy() {
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
}
