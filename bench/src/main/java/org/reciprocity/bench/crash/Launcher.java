package org.reciprocity.bench.crash;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local platform's launcher ({@code org.reciprocity.platform.LocalPlatform}) run in a process of
 * its own, on ports from {@code firstPort} and a data folder of the suite's, exactly as the README's
 * run command runs it, so that it can be killed like any other process.
 */
final class Launcher implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Path projectDir;
    private final Path dataDir;
    private final int firstPort;
    private final int brokers;
    private final List<String> services;
    private Process process;
    private int starts;

    /** One broker, and the services the crash suite loads: ten ports from {@code firstPort}. */
    Launcher(Path projectDir, Path dataDir, int firstPort) {
        this(projectDir, dataDir, firstPort, 1, List.of("ledger-service", "matching-service", "notification-service"));
    }

    /**
     * {@code brokers} brokers (1 or 3) and these services (and identity-service): {@link #PORTS} ports from
     * {@code firstPort} (review-service on the 11th, the second and third brokers on the 12th to 15th).
     */
    Launcher(Path projectDir, Path dataDir, int firstPort, int brokers, List<String> services) {
        this.projectDir = projectDir;
        this.dataDir = dataDir;
        this.firstPort = firstPort;
        this.brokers = brokers;
        this.services = List.copyOf(services);
    }

    /** The ports a launcher with a cluster and review-service takes from its first. */
    static final int PORTS = 15;

    int brokers() {
        return brokers;
    }

    List<String> services() {
        return services;
    }

    int kafkaPort() {
        return firstPort;
    }

    int mongoPort() {
        return firstPort + 2;
    }

    int issuerPort() {
        return firstPort + 3;
    }

    String url(String service) {
        return "http://127.0.0.1:" + switch (service) {
            case "ledger-service" -> firstPort + 4;
            case "matching-service" -> firstPort + 5;
            case "notification-service" -> firstPort + 6;
            case "review-service" -> firstPort + 10;
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Broker {@code node}'s address (1 to {@link #brokers()}). */
    String kafkaAddress(int node) {
        return "127.0.0.1:" + (node == 1 ? kafkaPort() : firstPort + 11 + 2 * (node - 2));
    }

    /** Every broker's address. */
    String kafkaBootstrap() {
        StringBuilder bootstrap = new StringBuilder("127.0.0.1:" + kafkaPort());
        for (int node = 2; node <= brokers; node++) {
            bootstrap.append(",127.0.0.1:").append(firstPort + 11 + 2 * (node - 2));
        }
        return bootstrap.toString();
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort();
    }

    void start() throws IOException {
        starts++;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=classpath:kafka-log4j2.xml",
                // the services under load and identity-service (the tokens); the portal is not under test here
                "-Dreciprocity.services=" + String.join(",", services), "-cp", System.getProperty("java.class.path"),
                "org.reciprocity.platform.LocalPlatform");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(dataDir)
                        .resolve("launcher-console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("RECIPROCITY_PROJECT_DIR", projectDir.toString());
        env.put("RECIPROCITY_DATA", dataDir.toString());
        env.put("RECIPROCITY_KAFKA_PORT", Integer.toString(firstPort));
        env.put("RECIPROCITY_KAFKA_CONTROLLER_PORT", Integer.toString(firstPort + 1));
        env.put("RECIPROCITY_MONGO_PORT", Integer.toString(mongoPort()));
        env.put("RECIPROCITY_ISSUER_PORT", Integer.toString(issuerPort()));
        env.put("RECIPROCITY_LEDGER_PORT", Integer.toString(firstPort + 4));
        env.put("RECIPROCITY_MATCHING_PORT", Integer.toString(firstPort + 5));
        env.put("RECIPROCITY_NOTIFICATION_PORT", Integer.toString(firstPort + 6));
        env.put("RECIPROCITY_SMTP_PORT", Integer.toString(firstPort + 7));
        env.put("RECIPROCITY_IDENTITY_PORT", Integer.toString(firstPort + 8));
        env.put("RECIPROCITY_WEB_PORT", Integer.toString(firstPort + 9));
        env.put("RECIPROCITY_REVIEW_PORT", Integer.toString(firstPort + 10));
        env.put("RECIPROCITY_KAFKA_BROKERS", Integer.toString(brokers));
        env.put("RECIPROCITY_KAFKA_CLUSTER_PORT", Integer.toString(firstPort + 11));
        process = builder.start();
        CrashSuite.say("launcher started (start %d, pid %d); console in %s", starts, process.pid(),
                dataDir.resolve("launcher-console.log"));
    }

    /** Waits until the issuer and every service answer health UP, while the launcher lives. */
    boolean awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                return false;
            }
            if (up("http://127.0.0.1:" + issuerPort() + "/jwks.json", "keys")
                    && services.stream().allMatch(service -> up(url(service) + "/actuator/health", "UP"))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static boolean up(String url, String expected) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(expected);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A development token from the running launcher's issuer (its key changes at every start). */
    String token(String member, String timebank, String roles) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + issuerPort()
                        + "/dev/token?timebank=" + enc(timebank) + "&member=" + enc(member) + "&roles=" + enc(roles)))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no development token: " + answer.statusCode() + " " + answer.body());
        }
        String body = answer.body().trim();
        // the issuer answers the bare token, or a JSON object naming it
        if (body.startsWith("{")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("token").asText();
        }
        return body;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The running process of a service ({@code ledger-service}…) or of the broker ({@code kafka}; a
     * cluster's {@code kafka-1} to {@code kafka-3}) under this launcher.
     */
    Optional<ProcessHandle> child(String target) {
        if (process == null) {
            return Optional.empty();
        }
        // the launcher writes data/pids/<name>.pid for each child: the broker's command line (a classpath
        // of hundreds of jars) is too long for the JDK to read its arguments back, so the file comes first
        Optional<ProcessHandle> byPidFile = pidFile(target).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> process.descendants().anyMatch(d -> d.pid() == p.pid()));
        if (byPidFile.isPresent()) {
            return byPidFile;
        }
        if (target.startsWith("kafka-")) {
            return Optional.empty(); // a cluster's brokers share one command line: only their pid files tell them apart
        }
        String marker = target.equals("kafka") ? "kafka.Kafka" : target + "-exec.jar";
        return process.descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.contains(marker)))
                        .orElse(false))
                .findFirst();
    }

    private Optional<Long> pidFile(String target) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dataDir.resolve("pids").resolve(target + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGKILLs the launcher itself, and answers the processes it had started then. */
    List<ProcessHandle> kill() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        process.waitFor();
        return children;
    }

    /** Those of {@code processes} still alive after {@code grace}. */
    static List<ProcessHandle> survivors(List<ProcessHandle> processes, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(200);
        }
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Stops the launcher and everything under it, hard (to go on after a failed cycle). */
    void killEverything() throws InterruptedException {
        if (process != null) {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            process.destroyForcibly();
            process.waitFor();
            all.forEach(ProcessHandle::destroyForcibly);
            survivors(all, Duration.ofSeconds(10));
        }
    }

    /** Stops the platform gently (SIGTERM: the launcher stops its children), hard if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            killEverything();
        }
        all.forEach(ProcessHandle::destroyForcibly);
    }
}
