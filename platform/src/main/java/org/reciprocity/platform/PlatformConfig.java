package org.reciprocity.platform;

import java.nio.file.Path;

/**
 * Where the local platform puts things. Each value comes from a system property
 * ({@code -Dreciprocity.ledger.port=9081}), else an environment variable
 * ({@code RECIPROCITY_LEDGER_PORT=9081}), else the default.
 */
public record PlatformConfig(Path projectDir, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                             int issuerPort, int ledgerPort, int matchingPort, int notificationPort, int smtpPort,
                             String devTimebank, String externalKafka, String externalMongo) {

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
                null, null);
    }

    /**
     * The same platform, but on a broker and a MongoDB that already run elsewhere (containers,
     * a shared test cluster): the platform then starts only the issuer and the services.
     *
     * @param mongo a connection string without database, e.g. {@code mongodb://host:27017}
     */
    public PlatformConfig withExternal(String kafkaBootstrap, String mongo) {
        return new PlatformConfig(projectDir, dataDir, kafkaPort, kafkaControllerPort, mongoPort, issuerPort, ledgerPort,
                matchingPort, notificationPort, smtpPort, devTimebank, kafkaBootstrap, mongo);
    }

    /** The same platform on other ports and another data folder (tests run beside a developer's platform). */
    public PlatformConfig withPorts(Path data, int kafka, int controller, int mongoDb, int issuer, int ledger, int matching,
                                    int notification, int smtp) {
        return new PlatformConfig(projectDir, data, kafka, controller, mongoDb, issuer, ledger, matching, notification,
                smtp, devTimebank, externalKafka, externalMongo);
    }

    public boolean embeddedInfrastructure() {
        return externalKafka == null;
    }

    public String kafkaBootstrap() {
        return externalKafka != null ? externalKafka : "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        return (externalMongo != null ? externalMongo : "mongodb://127.0.0.1:" + mongoPort) + "/" + database;
    }

    public String jwkSetUri() {
        return issuer() + "/jwks.json";
    }

    /** The development issuer's name: the {@code iss} of its tokens, which the services check. */
    public String issuer() {
        return "http://127.0.0.1:" + issuerPort;
    }

    /** The audience ({@code aud}) of the development issuer's tokens, which the services check. */
    public String audience() {
        return "reciprocity";
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
