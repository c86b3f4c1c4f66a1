package org.reciprocity.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reciprocity on one machine with nothing installed: a real Kafka broker (KRaft, child JVM), a
 * persistent MongoDB wire-protocol server, a development token issuer and every service. Prints
 * where everything is, says when all are healthy, and stops everything cleanly on Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {

    private static volatile boolean failed;
    /** Ctrl-C reaches the services too (same process group): their exit is then expected. */
    private static volatile boolean stopping;

    private final PlatformConfig config;
    private MongoNode mongo;
    private KafkaNode kafka;
    private DevIssuer issuer;
    private MailNode mail;
    private final List<ServiceNode> services = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public LocalPlatform(PlatformConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        LocalPlatform platform = new LocalPlatform(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            say("stopping Reciprocity...");
            platform.close();
            say("stopped. Your data is kept in " + config.dataDir());
            // Ctrl-C is the normal way to stop: report success to Maven unless something failed.
            Runtime.getRuntime().halt(failed ? 1 : 0);
        }, "platform-stop"));
        try {
            platform.start(Duration.ofSeconds(150));
        } catch (Exception e) {
            say("could not start: " + e.getMessage());
            failed = true;
            System.exit(1);
        }
        platform.printWelcome();
        platform.watch();
    }

    /** The service's base URL, e.g. {@code http://127.0.0.1:8081} for {@code ledger-service}. */
    public String url(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().map(ServiceNode::url)
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    /** Starts everything and waits until every service reports healthy. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir().resolve("logs"));
        requireFree(config.ledgerPort(), config.matchingPort(), config.notificationPort(), config.issuerPort(),
                config.smtpPort());
        if (config.embeddedInfrastructure()) {
            requireFree(config.kafkaPort(), config.kafkaControllerPort(), config.mongoPort());
        }
        long began = System.nanoTime();
        issuer = DevIssuer.start(config);
        mail = MailNode.start(config.smtpPort());
        issuer.serve("/dev/mail", mail::listing);
        if (config.embeddedInfrastructure()) {
            mongo = MongoNode.start(config.dataDir(), config.mongoPort());
            say("MongoDB wire protocol (mongo-java-server, H2) on " + config.mongoUri(""));
            kafka = KafkaNode.start(config, config.dataDir().resolve("logs").resolve("kafka.log"));
        }
        say("Kafka (KRaft) on " + config.kafkaBootstrap());
        start("ledger-service", "ledger", config.ledgerPort());
        start("matching-service", "matching", config.matchingPort());
        start("notification-service", "notification", config.notificationPort());
        awaitHealthy(timeout);
        say(String.format("all services healthy in %.1f s", (System.nanoTime() - began) / 1e9));
    }

    /**
     * Starts a service unless {@code -Dreciprocity.services} lists others only (a benchmark
     * measuring one service alone; the whole platform is the default).
     */
    private void start(String service, String database, int port) throws IOException {
        String only = System.getProperty("reciprocity.services", "");
        if (only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(service)) {
            services.add(ServiceNode.start(config, service, database, port));
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceNode> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceNode service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " stopped while starting; see " + service.logFile());
                }
                if (service.isHealthy()) {
                    say(service.name() + " is UP at " + service.url());
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy in time: " + waiting.stream().map(ServiceNode::name).toList());
            }
            Thread.sleep(500);
        }
    }

    /** Fails fast, in words, when something else (an earlier platform still running?) holds a port. */
    private static void requireFree(int... ports) {
        for (int port : ports) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use; stop what uses it or choose another"
                        + " port (see the README's configuration table)");
            }
        }
    }

    /** A development token for the README's walk-through, valid for a few hours. */
    public String devToken(String memberId, String timebankId, List<String> roles) {
        return issuer.token(memberId, timebankId, roles);
    }

    /** A token signed by the development issuer's key naming another issuer or audience, which the services refuse. */
    String devTokenNaming(String issuerName, String audience, String memberId, String timebankId, List<String> roles) {
        return issuer.token(issuerName, audience, memberId, timebankId, roles);
    }

    public PlatformConfig config() {
        return config;
    }

    private void printWelcome() throws IOException {
        String token = devToken("dev-admin", config.devTimebank(), List.of("ADMIN", "COORDINATOR", "STAFF"));
        Path tokenFile = config.dataDir().resolve("dev-token.txt");
        Files.writeString(tokenFile, token);
        String line = "-".repeat(78);
        System.out.println(line);
        System.out.println(" Reciprocity is running locally.");
        for (ServiceNode service : services) {
            System.out.printf("   %-22s %s   (log: %s)%n", service.name(), service.url(), config.projectDir().relativize(service.logFile()));
        }
        System.out.printf("   %-22s %s%n", "Kafka (KRaft)", config.kafkaBootstrap());
        System.out.printf("   %-22s %s%n", "MongoDB wire protocol", config.mongoUri(""));
        System.out.printf("   %-22s %s   (iss %s, aud %s)%n", "dev token issuer", config.jwkSetUri(), config.issuer(),
                config.audience());
        System.out.printf("   %-22s %s   (read what was sent: http://127.0.0.1:%d/dev/mail)%n", "SMTP (GreenMail)",
                "127.0.0.1:" + config.smtpPort(), config.issuerPort());
        System.out.printf("   %-22s %s%n", "data", config.dataDir());
        System.out.println();
        System.out.println(" A development token (ADMIN, COORDINATOR, STAFF of timebank '" + config.devTimebank()
                + "', valid " + DevIssuer.TOKEN_LIFETIME.toHours() + " h) is in " + config.projectDir().relativize(tokenFile) + ":");
        System.out.println("   TOKEN=$(cat " + config.projectDir().relativize(tokenFile) + ")");
        System.out.println(" Only this local platform trusts it. Press Ctrl-C to stop everything.");
        System.out.println(line);
    }

    private void watch() throws InterruptedException {
        while (true) {
            for (ServiceNode service : services) {
                if (!service.isAlive() && !stopping) {
                    say(service.name() + " has stopped; see " + service.logFile());
                    failed = true;
                    System.exit(1);
                }
            }
            Thread.sleep(1_000);
        }
    }

    /** Stops the services first (they drain their work), then the broker, then the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ServiceNode service : services) {
            quietly(service::close);
        }
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (issuer != null) {
            issuer.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    private static void quietly(Stopper stopper) {
        try {
            stopper.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Stopper {
        void stop() throws InterruptedException;
    }

    static void say(String message) {
        System.out.println("[reciprocity] " + message);
    }
}
