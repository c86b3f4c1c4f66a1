package org.reciprocity.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the local platform puts things. Each value comes from a system property
 * ({@code -Dreciprocity.ledger.port=9081}), else an environment variable
 * ({@code RECIPROCITY_LEDGER_PORT=9081}), else the default.
 */
public record PlatformConfig(Path projectDir, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                             int issuerPort, int ledgerPort, int matchingPort, int notificationPort, int smtpPort,
                             String devTimebank, String externalKafka, String externalMongo, int identityPort, int webPort) {

    /** identity-service's and the portal's default ports ({@code reciprocity.identity.port}, {@code reciprocity.web.port}). */
    static final int IDENTITY_PORT = 9090;
    static final int WEB_PORT = 8080;

    /** The platform as it was before identity-service and the portal: they get their default ports. */
    public PlatformConfig(Path projectDir, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, int issuerPort,
                          int ledgerPort, int matchingPort, int notificationPort, int smtpPort, String devTimebank,
                          String externalKafka, String externalMongo) {
        this(projectDir, dataDir, kafkaPort, kafkaControllerPort, mongoPort, issuerPort, ledgerPort, matchingPort,
                notificationPort, smtpPort, devTimebank, externalKafka, externalMongo, IDENTITY_PORT, WEB_PORT);
    }

    public static PlatformConfig fromEnvironment() {
        Path project = Path.of(setting("reciprocity.project.dir", ".")).toAbsolutePath().normalize();
        return new PlatformConfig(
                project,
                project.resolve(setting("reciprocity.data", "data")).toAbsolutePath().normalize(),
                port("reciprocity.kafka.port", 9092),
                port("reciprocity.kafka.controller.port", 9093),
                port("reciprocity.mongo.port", 27027),
                port("reciprocity.issuer.port", 9000),
                port("reciprocity.ledger.port", 8081),
                port("reciprocity.matching.port", 8082),
                port("reciprocity.notification.port", 8083),
                port("reciprocity.smtp.port", 3025),
                setting("reciprocity.dev.timebank", "demo"),
                null, null,
                port("reciprocity.identity.port", IDENTITY_PORT),
                port("reciprocity.web.port", WEB_PORT));
    }

    /**
     * The same platform, but on a broker and a MongoDB that already run elsewhere (containers,
     * a shared test cluster): the platform then starts only the issuer and the services.
     *
     * @param mongo a connection string without database, e.g. {@code mongodb://host:27017}
     */
    public PlatformConfig withExternal(String kafkaBootstrap, String mongo) {
        return new PlatformConfig(projectDir, dataDir, kafkaPort, kafkaControllerPort, mongoPort, issuerPort, ledgerPort,
                matchingPort, notificationPort, smtpPort, devTimebank, kafkaBootstrap, mongo, identityPort, webPort);
    }

    /**
     * The same platform on other ports and another data folder (tests run beside a developer's platform).
     * identity-service and the portal keep their ports: move them too with {@link #withPortalPorts}.
     */
    public PlatformConfig withPorts(Path data, int kafka, int controller, int mongoDb, int issuer, int ledger, int matching,
                                    int notification, int smtp) {
        return new PlatformConfig(projectDir, data, kafka, controller, mongoDb, issuer, ledger, matching, notification,
                smtp, devTimebank, externalKafka, externalMongo, identityPort, webPort);
    }

    /** {@link #withPorts(Path, int, int, int, int, int, int, int, int)} with identity-service's and the portal's ports too. */
    public PlatformConfig withPorts(Path data, int kafka, int controller, int mongoDb, int issuer, int ledger, int matching,
                                    int notification, int smtp, int identity, int web) {
        return withPorts(data, kafka, controller, mongoDb, issuer, ledger, matching, notification, smtp)
                .withPortalPorts(identity, web);
    }

    /** The same platform with identity-service and the portal on other ports. */
    public PlatformConfig withPortalPorts(int identity, int web) {
        return new PlatformConfig(projectDir, dataDir, kafkaPort, kafkaControllerPort, mongoPort, issuerPort, ledgerPort,
                matchingPort, notificationPort, smtpPort, devTimebank, externalKafka, externalMongo, identity, web);
    }

    /**
     * review-service's port: {@code reciprocity.review.port}, else two above notification-service's
     * (8085 by default), so a platform moved to other ports ({@link #withPorts}) moves it too without a
     * new component in this record.
     */
    public int reviewPort() {
        if (!setting("reciprocity.review.port", "").isEmpty()) {
            return port("reciprocity.review.port", 0);
        }
        if (notificationPort == 0) {
            return 0; // a test that starts no service
        }
        // free ports handed out by the OS are often consecutive, so "two above" can be another part's
        // port (it was identity's once, and identity answered review's health check): step past them
        List<Integer> taken = List.of(kafkaPort, kafkaControllerPort, mongoPort, issuerPort, ledgerPort,
                matchingPort, notificationPort, smtpPort, identityPort, webPort);
        int port = notificationPort + 2;
        while (taken.contains(port)) {
            port++;
        }
        return port;
    }

    public boolean embeddedInfrastructure() {
        return externalKafka == null;
    }

    /**
     * Every broker's address the services are given (all of them: a client that knows only one cannot
     * find the cluster while that one is down).
     */
    public String kafkaBootstrap() {
        if (externalKafka != null) {
            return externalKafka;
        }
        return java.util.stream.IntStream.rangeClosed(1, kafkaBrokers()).mapToObj(this::kafkaBrokerAddress)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * How many brokers the launcher runs: {@code reciprocity.kafka.brokers} / {@code RECIPROCITY_KAFKA_BROKERS},
     * 1 by default; 3 makes a local cluster (three KRaft brokers, each a controller too, each its own
     * process), on which every topic has three replicas and a write is acknowledged once two hold it.
     */
    public int kafkaBrokers() {
        String value = setting("reciprocity.kafka.brokers", "1");
        int brokers;
        try {
            brokers = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reciprocity.kafka.brokers must be 1 or 3, not '" + value + "'");
        }
        // one broker, or a quorum that outlives one broker's loss; more than three buys nothing on one machine
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("reciprocity.kafka.brokers must be 1 or 3, not '" + value + "'");
        }
        return brokers;
    }

    /** The replicas of each topic the services declare ({@code KAFKA_REPLICATION_FACTOR}): one per broker, at most three. */
    public int kafkaReplicationFactor() {
        return Math.min(3, kafkaBrokers());
    }

    /**
     * {@code min.insync.replicas} of each topic ({@code KAFKA_MIN_INSYNC_REPLICAS}): 2 of 3, so that an
     * {@code acks=all} write is on two brokers before it is acknowledged, and one broker may be away.
     */
    public int kafkaMinInSyncReplicas() {
        return Math.max(1, kafkaReplicationFactor() - 1);
    }

    /**
     * Broker {@code node}'s client address (1 is {@link #kafkaPort()}). The others take two ports each
     * from {@code reciprocity.kafka.cluster.port} (default: the one after the controller's, 9094), the
     * client's then the controller's: 9094/9095 for broker 2, 9096/9097 for broker 3.
     */
    public String kafkaBrokerAddress(int node) {
        return "127.0.0.1:" + (node == 1 ? kafkaPort : clusterPort(node));
    }

    /** Broker {@code node}'s controller port (1 is {@link #kafkaControllerPort()}). */
    public int kafkaControllerPort(int node) {
        return node == 1 ? kafkaControllerPort : clusterPort(node) + 1;
    }

    /** The other brokers' ports, for the launcher to check they are free. */
    List<Integer> kafkaClusterPorts() {
        List<Integer> ports = new java.util.ArrayList<>();
        for (int node = 2; node <= kafkaBrokers(); node++) {
            ports.add(clusterPort(node));
            ports.add(clusterPort(node) + 1);
        }
        return ports;
    }

    private int clusterPort(int node) {
        return port("reciprocity.kafka.cluster.port", kafkaControllerPort + 1) + 2 * (node - 2);
    }

    public String mongoUri(String database) {
        return (externalMongo != null ? externalMongo : "mongodb://127.0.0.1:" + mongoPort) + "/" + database;
    }

    /** identity-service's public keys: what the services get as {@code JWK_SET_URI}. */
    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /**
     * identity-service's name: its {@code ISSUER_URL} and the {@code iss} of its tokens, which the services check.
     * {@code localhost}, not 127.0.0.1: passkeys need a valid relying-party id, and cookies and issuer must agree.
     */
    public String issuer() {
        return "http://localhost:" + identityPort;
    }

    /** The audience ({@code aud}) of identity-service's tokens for Reciprocity, which the services check. */
    public String audience() {
        return "reciprocity";
    }

    /** The portal's address, as a browser opens it. */
    public String portalUrl() {
        return "http://localhost:" + webPort;
    }

    /** The launcher's own pages ({@code /dev/status}, {@code /dev/mail}, {@code /dev/backup}, {@code /dev/token}). */
    public String devPagesUrl() {
        return "http://127.0.0.1:" + issuerPort;
    }

    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String property, int fallback) {
        String value = setting(property, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a port number, not '" + value + "'");
        }
    }
}
