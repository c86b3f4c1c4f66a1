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
import java.util.function.Predicate;
import java.util.function.Supplier;

/** One Reciprocity service, identity-service or the portal, run from its executable jar in its own JVM. */
final class ServiceNode implements Child {

    static final String IDENTITY = "identity-service";
    static final String PORTAL = "web";

    /** The portal's OAuth2 client at identity-service (the contract between them). */
    static final String PORTAL_CLIENT_ID = "reciprocity-portal";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformConfig config;
    private final String name;
    private final String url;
    private final List<String> jvmOptions;
    private final Supplier<Map<String, String>> environment;
    private final Predicate<String> healthy;
    private final Path jar;
    private final Path logFile;

    private ServiceNode(PlatformConfig config, String name, String url, List<String> jvmOptions,
                        Supplier<Map<String, String>> environment, Predicate<String> healthy) {
        this.config = config;
        this.name = name;
        this.url = url;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.healthy = healthy;
        this.jar = jar(config, name);
        this.logFile = config.dataDir().resolve("logs").resolve(name + ".log");
    }

    /** The service as the launcher runs it; starts nothing yet. */
    static ServiceNode of(PlatformConfig config, String name, String database, int port) {
        return new ServiceNode(config, name, "http://127.0.0.1:" + port, JvmOptions.of(JvmOptions.nameOf(name)),
                () -> environment(config, database, port), ServiceNode::isHealthy);
    }

    /** identity-service, as the launcher runs it: the issuer every other part trusts. */
    static ServiceNode identity(PlatformConfig config) {
        return new ServiceNode(config, IDENTITY, config.issuer(), JvmOptions.of("identity"), () -> identityEnvironment(config),
                ServiceNode::isIssuing);
    }

    /** The portal, as the launcher runs it. */
    static ServiceNode portal(PlatformConfig config) {
        return new ServiceNode(config, PORTAL, config.portalUrl(), JvmOptions.of("web"), () -> portalEnvironment(config),
                ServiceNode::isServing);
    }

    private static Path jar(PlatformConfig config, String name) {
        Path jar = config.projectDir().resolve(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (the README's run command does)");
        }
        return jar;
    }

    @Override
    public Process launch() throws IOException {
        return ChildJvm.startJar(config.dataDir(), jar, jvmOptions, environment.get(), logFile);
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
        environment.putAll(kafkaDurability(config));
        if ("ledger".equals(database)) {
            // the key that signs checkpoints of the hash chain: with the data, outside the database
            environment.put("LEDGER_CHECKPOINT_KEY_FILE", ledgerCheckpointKey(config).toString());
        }
        return Map.copyOf(environment);
    }

    /**
     * What identity-service reads (see the portal contract): its name, its own database, the portal it
     * signs people in for and that portal's secret, and the local-only helpers switched on.
     */
    static Map<String, String> identityEnvironment(PlatformConfig config) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORT", Integer.toString(config.identityPort()),
                "ISSUER_URL", config.issuer(),
                "MONGODB_URI", config.mongoUri("identity"),
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(config.smtpPort()),
                "PORTAL_URL", config.portalUrl(),
                "WEB_CLIENT_ID", PORTAL_CLIENT_ID,
                "WEB_CLIENT_SECRET", PortalClientSecret.in(config.dataDir()),
                "JWT_AUDIENCE", config.audience(),
                // the loopback-only /local/token and /local/first-admin-link: this platform only, never production
                "RECIPROCITY_LOCAL", "true"));
        environment.put("BOOTSTRAP_TIMEBANK", config.devTimebank());
        // invitations go out through notification-service, in the member's language
        environment.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        environment.putAll(kafkaDurability(config));
        environment.put("NOTIFICATION_URL", "http://127.0.0.1:" + config.notificationPort());
        return Map.copyOf(environment);
    }

    /** What the portal reads (see the portal contract): itself, identity-service, and the services it calls. */
    static Map<String, String> portalEnvironment(PlatformConfig config) {
        return Map.ofEntries(
                Map.entry("PORT", Integer.toString(config.webPort())),
                Map.entry("PORTAL_URL", config.portalUrl()),
                Map.entry("ISSUER_URL", config.issuer()),
                Map.entry("IDENTITY_URL", config.issuer()),
                Map.entry("WEB_CLIENT_ID", PORTAL_CLIENT_ID),
                Map.entry("WEB_CLIENT_SECRET", PortalClientSecret.in(config.dataDir())),
                Map.entry("LEDGER_URL", "http://127.0.0.1:" + config.ledgerPort()),
                Map.entry("MATCHING_URL", "http://127.0.0.1:" + config.matchingPort()),
                Map.entry("NOTIFICATION_URL", "http://127.0.0.1:" + config.notificationPort()),
                // the review pages (issue 17) read review-service
                Map.entry("REVIEW_URL", "http://127.0.0.1:" + config.reviewPort()),
                // http://localhost is a secure context for the browser, but a Secure cookie is not sent over it
                Map.entry("SESSION_SECURE", "false"));
    }

    /**
     * The replicas and {@code min.insync.replicas} of the topics a service declares (service-kit's
     * {@code TopicDeclarations}): 1 and 1 on one broker (the services' defaults), 3 and 2 on a cluster.
     */
    static Map<String, String> kafkaDurability(PlatformConfig config) {
        Map<String, String> environment = new HashMap<>(erasureTiming());
        if (config.embeddedInfrastructure()) { // else an external broker: the services' own settings decide
            environment.put("KAFKA_REPLICATION_FACTOR", Integer.toString(config.kafkaReplicationFactor()));
            environment.put("KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(config.kafkaMinInSyncReplicas()));
        }
        return Map.copyOf(environment);
    }

    /**
     * How soon an erased member's older details leave the compacted details topic: 24 hours unless
     * the launcher is given {@code -Dreciprocity.kafka.compaction-lag} (and how often the ledger
     * re-appends an erased member's record so the topic's segment closes:
     * {@code -Dreciprocity.erasure.details-sweep}). Tests that wait for an erasure to reach the topic
     * set them to seconds; a newcomer's platform keeps the promised defaults.
     */
    static Map<String, String> erasureTiming() {
        Map<String, String> environment = new HashMap<>();
        for (String property : List.of("reciprocity.kafka.compaction-lag", "reciprocity.erasure.details-sweep")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                environment.put(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value.strip());
            }
        }
        return environment;
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
        return url;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isHealthy() {
        return healthy.test(url);
    }

    /**
     * True once {@code /actuator/health} answers UP: Kafka, MongoDB and the issuer's keys, fetched.
     * Asked without a token, it answers the overall status only ({@code {"status":"UP"}}, DOWN is a 503).
     */
    static boolean isHealthy(String url) {
        Answer answer = get(url + "/actuator/health");
        return answer.status() == 200 && answer.body().contains("\"status\":\"UP\"");
    }

    /** identity-service is ready once it publishes its discovery document (its keys are made before). */
    static boolean isIssuing(String url) {
        Answer answer = get(url + "/.well-known/openid-configuration");
        return answer.status() == 200 && answer.body().contains("\"issuer\"");
    }

    /**
     * The portal is ready once it answers its health as UP; one that keeps its health to itself
     * (a sign-in redirect, a 401 or 404) is ready when it answers at all without a server error.
     */
    static boolean isServing(String url) {
        Answer answer = get(url + "/actuator/health");
        if (answer.status() == 200) {
            return answer.body().contains("\"status\":\"UP\"");
        }
        return answer.status() > 0 && answer.status() < 500;
    }

    private record Answer(int status, String body) {
    }

    /** Status 0: no answer. */
    private static Answer get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "");
        }
    }
}
