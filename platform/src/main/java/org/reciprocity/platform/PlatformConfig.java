package org.reciprocity.platform;

import java.nio.file.Path;

/**
 * Where the local platform puts things. Each value comes from a system property
 * ({@code -Dreciprocity.ledger.port=9081}), else an environment variable
 * ({@code RECIPROCITY_LEDGER_PORT=9081}), else the default.
 */
public record PlatformConfig(Path projectDir, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                             int issuerPort, int ledgerPort, int matchingPort, int notificationPort,
                             String devTimebank) {

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
                setting("reciprocity.dev.timebank", "demo"));
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + issuerPort + "/jwks.json";
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
