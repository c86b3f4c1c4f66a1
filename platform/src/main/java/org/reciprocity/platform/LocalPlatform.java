package org.reciprocity.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;

import org.reciprocity.platform.demo.DemoTimebank;

/**
 * Reciprocity on one machine with nothing installed: a real Kafka broker (KRaft, child JVM), a
 * persistent MongoDB wire-protocol server, a local SMTP server, identity-service (sign-in, the
 * issuer every service trusts), every service and the portal. Prints where everything is and how
 * to set up the first admin, says when all are healthy, starts again a broker or service that
 * stops, and stops everything cleanly on Ctrl-C. Its children stop with it however it ends.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Set when {@link Background} started this launcher: nobody is at a terminal to press Ctrl-C. */
    static final String DETACHED = "reciprocity.detached";

    /** The banner's title line ({@link Background} shows the console until the banner is complete). */
    static final String BANNER_TITLE = "Reciprocity is running locally.";

    private static volatile boolean failed;

    private final PlatformConfig config;
    private final Instant startedAt = Instant.now();
    private volatile MongoNode mongo;
    /** The broker, or the three of a local cluster ({@code reciprocity.kafka.brokers=3}). */
    private final List<KafkaNode> kafkaNodes = new ArrayList<>();
    private final List<Supervised> kafka = new ArrayList<>();
    private DevPages pages;
    private final IdentityClient identity;
    private ForeignIssuer foreignIssuer;
    private MailNode mail;
    private PidFiles pids;
    private ScheduledExecutorService timer;
    private final List<Supervised> services = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public LocalPlatform(PlatformConfig config) {
        this.config = config;
        this.identity = new IdentityClient(config.issuer());
    }

    public static void main(String[] args) throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        LocalPlatform platform = new LocalPlatform(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.expectStops();
            say("stopping Reciprocity...");
            platform.close();
            say("stopped. Your data is kept in " + config.dataDir());
            // Ctrl-C is the normal way to stop: report success to Maven unless something failed.
            Runtime.getRuntime().halt(failed ? 1 : 0);
        }, "platform-stop"));
        try {
            platform.start(Duration.ofSeconds(300));
        } catch (Exception e) {
            say("could not start: " + e.getMessage());
            failed = true;
            System.exit(1);
        }
        platform.prepareFirstRun();
        Optional<DemoTimebank.Loaded> demo = demoAsked() ? platform.loadDemo() : Optional.empty();
        platform.printWelcome(demo);
        // From here the supervisors do the work, on their own threads, until Ctrl-C.
        Thread.currentThread().join();
    }

    /**
     * The service's base URL, e.g. {@code http://127.0.0.1:8081} for {@code ledger-service};
     * {@code http://localhost:9090} for {@code identity-service}, {@code http://localhost:8080} for {@code web}.
     */
    public String url(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst().map(s -> ((ServiceNode) s.child()).url())
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    /** Starts everything and waits until every service reports healthy. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir().resolve("logs"));
        PlatformLog.writeTo(config.dataDir());
        pids = new PidFiles(config.dataDir());
        Optional<Long> running = pids.runningLauncher();
        if (running.isPresent()) {
            throw new IllegalStateException("Reciprocity is already running on " + config.dataDir() + " (pid " + running.get()
                    + "); stop it first (scripts/stop.sh, or Ctrl-C where it runs)");
        }
        for (String left : pids.stopLeftovers()) {
            say("stopped " + left + ", left running by an earlier launcher that did not stop cleanly");
        }
        pids.writeLauncher();
        requireFree(config.ledgerPort(), config.matchingPort(), config.notificationPort(), config.reviewPort(),
                config.issuerPort(),
                config.smtpPort(), config.identityPort());
        if (starts(ServiceNode.PORTAL)) {
            requireFree(config.webPort());
        }
        if (config.embeddedInfrastructure()) {
            requireFree(config.kafkaPort(), config.kafkaControllerPort(), config.mongoPort());
            requireFree(config.kafkaClusterPorts().stream().mapToInt(Integer::intValue).toArray());
            KafkaNode.requireSameShape(config);
        }
        long began = System.nanoTime();
        timer = Executors.newScheduledThreadPool(4, task -> {
            Thread thread = new Thread(task, "supervisor");
            thread.setDaemon(true);
            return thread;
        });
        pages = DevPages.start(config);
        mail = MailNode.start(config.smtpPort());
        pages.serve("/dev/mail", mail::listing);
        StatusPage status = new StatusPage(this::status);
        pages.handle("/dev/status", status::serve);
        pages.handle("/dev/status.html", status::serve);
        pages.handle("/dev/backup", this::backup);
        if (config.embeddedInfrastructure()) {
            mongo = MongoNode.start(config.dataDir(), config.mongoPort());
            say("MongoDB wire protocol (mongo-java-server, H2) on " + config.mongoUri(""));
            for (int node = 1; node <= config.kafkaBrokers(); node++) {
                KafkaNode broker = KafkaNode.prepare(config, node, config.dataDir().resolve("logs")
                        .resolve(config.kafkaBrokers() == 1 ? "kafka.log" : "kafka-" + node + ".log"));
                kafkaNodes.add(broker);
            }
            // all at once: a broker of a cluster is healthy only once the controllers' quorum has a majority
            for (KafkaNode broker : kafkaNodes) {
                // generous: a start that times out is killed and tried again, and a busy machine is slow
                kafka.add(supervise(broker, Duration.ofSeconds(180)));
            }
            awaitFirstStart(kafka, timeout);
        }
        say("Kafka (KRaft) on " + config.kafkaBootstrap() + (config.kafkaBrokers() == 1 ? "" : String.format(
                " (%d brokers; topics with %d replicas, min.insync.replicas %d)", config.kafkaBrokers(),
                config.kafkaReplicationFactor(), config.kafkaMinInSyncReplicas())));
        if (config.embeddedInfrastructure()) {
            scrubOldPersonalData();
        }
        // the issuer first: the services fetch its keys before they call themselves healthy. It
        // starts whatever -Dreciprocity.services says, as the development issuer did: no token without it.
        Supervised issuer = supervise(ServiceNode.identity(config), Duration.ofSeconds(300));
        services.add(issuer);
        awaitFirstStart(List.of(issuer), timeout);
        start("ledger-service", "ledger", config.ledgerPort());
        start("matching-service", "matching", config.matchingPort());
        start("notification-service", "notification", config.notificationPort());
        start("review-service", "reciprocity-review", config.reviewPort());
        if (starts(ServiceNode.PORTAL)) {
            services.add(supervise(ServiceNode.portal(config), Duration.ofSeconds(300)));
        }
        awaitFirstStart(services.subList(1, services.size()), timeout);
        say(String.format("all services healthy in %.1f s; what runs: http://127.0.0.1:%d/dev/status",
                (System.nanoTime() - began) / 1e9, config.issuerPort()));
    }

    /**
     * Once per data folder, before any service reads the topics: records written before issue 18
     * carried names, e-mails and free text on topics kept for ever; {@link TopicScrub} rewrites them
     * without. A fresh folder has no topics yet, so this only marks it done.
     */
    private void scrubOldPersonalData() throws IOException {
        Path done = config.dataDir().resolve("migrations").resolve("topics-scrubbed-1");
        if (Files.exists(done)) {
            return;
        }
        try {
            TopicScrub.Report report = new TopicScrub(config.kafkaBootstrap()).run();
            if (report.changedAnything()) {
                say("took names, e-mails and free text out of the records already on the topics: " + report.changedByTopic());
            }
        } catch (Exception e) {
            throw new IOException("could not take the personal data out of the topics' old records: " + e.getMessage(), e);
        }
        Files.createDirectories(done.getParent());
        Files.writeString(done, java.time.Instant.now() + "\n");
    }

    /**
     * Starts a service unless {@code -Dreciprocity.services} lists others only (a benchmark
     * measuring one service alone; the whole platform is the default).
     */
    private void start(String service, String database, int port) throws IOException {
        if (starts(service)) {
            services.add(supervise(ServiceNode.of(config, service, database, port), Duration.ofSeconds(300)));
        }
    }

    private static boolean starts(String service) {
        String only = System.getProperty("reciprocity.services", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(service);
    }

    private Supervised supervise(Child child, Duration startTimeout) throws IOException {
        Supervised supervised = new Supervised(child, Backoff.DEFAULT, startTimeout, timer, pids);
        supervised.start();
        return supervised;
    }

    /**
     * A child that stops before it was ever healthy is started again (a port still held for a moment,
     * a machine short of memory); one that stops this many times before its first healthy start has
     * a fault to fix first (a missing jar, a wrong setting) and fails the start.
     */
    private static final int STOPS_BEFORE_FIRST_START_FAILS = 3;

    /** Waits for the first start of each; one that keeps stopping while starting fails the start. */
    static void awaitFirstStart(List<Supervised> children, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Supervised> waiting = new ArrayList<>(children);
        while (!waiting.isEmpty()) {
            for (Supervised child : List.copyOf(waiting)) {
                Supervised.Status status = child.status();
                if (status.lastExitCode() != null && status.restarts() + 1 >= STOPS_BEFORE_FIRST_START_FAILS
                        && status.state() == Supervised.State.WAITING_TO_RESTART) {
                    throw new IllegalStateException(child.name() + " stopped " + STOPS_BEFORE_FIRST_START_FAILS
                            + " times while starting; see " + status.log());
                }
                if (status.state() == Supervised.State.RUNNING) {
                    say(child.name() + " is UP" + (child.child() instanceof ServiceNode service ? " at " + service.url() : ""));
                    waiting.remove(child);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not healthy in time: " + waiting.stream().map(Supervised::name).toList());
            }
            Thread.sleep(250);
        }
    }

    /** Every process of the platform as the status view shows it, the launcher first. */
    List<Supervised.Status> status() {
        List<Supervised.Status> all = new ArrayList<>();
        all.add(new Supervised.Status("launcher (store, mail, these pages)", ProcessHandle.current().pid(),
                closed.get() ? Supervised.State.STOPPED : Supervised.State.RUNNING, startedAt, 0, null,
                config.dataDir().resolve("logs").resolve("platform.log").toString()));
        kafka.forEach(broker -> all.add(broker.status()));
        services.forEach(service -> all.add(service.status()));
        return all;
    }

    /**
     * A consistent backup of the store and the broker's data into {@code target} (a new folder),
     * while the platform runs: the services pause for about a second. See {@link Backup}.
     */
    public synchronized Backup.Taken backup(Path target) throws IOException, InterruptedException {
        if (!config.embeddedInfrastructure()) {
            throw new IllegalStateException("this platform runs on an external broker and database: back those up with their own tools");
        }
        if (kafkaNodes.size() != 1) {
            // a copy of each broker's folder taken one after the other is not one moment of the cluster
            throw new IllegalStateException("the backup takes one broker's data; this platform runs a cluster of "
                    + kafkaNodes.size() + " brokers: back it up with Kafka's own tools (MirrorMaker 2), or stop it first");
        }
        List<ProcessHandle> writers = services.stream().map(Supervised::process).flatMap(Optional::stream).toList();
        Backup.Taken taken = Backup.take(target, writers, new Backup.Store() {
            @Override
            public Path dir() {
                return config.dataDir().resolve("mongo");
            }

            @Override
            public void close() {
                mongo.close();
            }

            @Override
            public void reopen() throws IOException {
                mongo = MongoNode.start(config.dataDir(), config.mongoPort());
            }
        }, kafkaNodes.get(0).logDirs());
        say(String.format("backup taken in %s (%.1f MB; the services paused for %d ms)", taken.dir(), taken.bytes() / 1e6,
                taken.paused().toMillis()));
        return taken;
    }

    /** {@code POST /dev/backup} (body: an absolute folder, or nothing for {@code data/backups/<time>}). */
    private void backup(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            DevPages.reply(exchange, 405, "text/plain; charset=utf-8", "POST only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String asked = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        Path target = asked.isEmpty() ? Backup.defaultTarget(config.dataDir()) : Path.of(asked).toAbsolutePath().normalize();
        try {
            Backup.Taken taken = backup(target);
            DevPages.reply(exchange, 200, "application/json", String.format("{\"backup\":%s,\"pausedMillis\":%d,\"bytes\":%d}%n",
                    StatusPage.quoted(taken.dir().toString()), taken.paused().toMillis(), taken.bytes())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            DevPages.reply(exchange, 409, "text/plain; charset=utf-8", (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            say("the backup failed: " + e);
            DevPages.reply(exchange, 500, "text/plain; charset=utf-8", ("the backup failed: " + e + "\n").getBytes(StandardCharsets.UTF_8));
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

    /**
     * A token from identity-service's local-only helper ({@code POST /local/token}), valid 8 hours:
     * for the README's walk-through and the tests. The services take it as they take any of its tokens.
     */
    public String devToken(String memberId, String timebankId, List<String> roles) {
        return identity.token(memberId, timebankId, roles);
    }

    /**
     * Sets a known password on a member's account at identity-service (its local-only {@code POST
     * /local/password}): the demo timebank's sign-ins, and the portal benchmark's members.
     */
    public void devPassword(String memberId, String timebankId, String password) {
        identity.setPassword(memberId, timebankId, password);
    }

    /**
     * A token naming another issuer or audience, signed by a key of the launcher's own that nothing
     * trusts (see {@link ForeignIssuer}): the services must refuse it.
     */
    synchronized String devTokenNaming(String issuerName, String audience, String memberId, String timebankId,
                                       List<String> roles) {
        if (foreignIssuer == null) {
            foreignIssuer = new ForeignIssuer();
        }
        return foreignIssuer.token(issuerName, audience, memberId, timebankId, roles);
    }

    public PlatformConfig config() {
        return config;
    }

    /**
     * What a first start needs beyond running processes: the local timebank open in the ledger (the
     * first admin's timebank, where the portal's first invitations go). Idempotent: a later start finds it open.
     */
    public void prepareFirstRun() {
        if (services.stream().noneMatch(s -> s.name().equals("ledger-service"))) {
            return;
        }
        try {
            String admin = devToken("platform", config.devTimebank(), List.of("ADMIN"));
            if (LocalTimebank.ensureOpen(url("ledger-service"), admin, config.devTimebank())) {
                say("opened the local timebank '" + config.devTimebank() + "' in the ledger");
            }
        } catch (RuntimeException e) {
            say("could not open the local timebank '" + config.devTimebank() + "' in the ledger: " + e.getMessage());
        }
    }

    /** The demo switch ({@code RECIPROCITY_DEMO=true}, or {@code -Dreciprocity.demo=true}): load the demo timebank at start. */
    static boolean demoAsked() {
        return Boolean.parseBoolean(PlatformConfig.setting("reciprocity.demo", "false"));
    }

    /**
     * Loads the demo timebank into the local timebank (see {@link DemoTimebank}): everything on the
     * first start, nothing on a later one. Empty when it could not (the platform runs on, empty).
     */
    public Optional<DemoTimebank.Loaded> loadDemo() {
        try {
            DemoTimebank.Loaded loaded = new DemoTimebank(demoPlatform(), DemoTimebank.stateFile(config.dataDir())).load();
            say(loaded.wroteNow() ? String.format("loaded the demo timebank '%s' in %.1f s", config.devTimebank(),
                    loaded.took().toNanos() / 1e9) : "the demo timebank '" + config.devTimebank() + "' is loaded already");
            return Optional.of(loaded);
        } catch (RuntimeException e) {
            say("could not load the demo timebank: " + e.getMessage() + " (start again to go on where it stopped)");
            return Optional.empty();
        }
    }

    private DemoTimebank.Platform demoPlatform() {
        return new DemoTimebank.Platform() {
            @Override
            public String timebank() {
                return config.devTimebank();
            }

            @Override
            public String ledgerUrl() {
                return url("ledger-service");
            }

            @Override
            public String matchingUrl() {
                return url("matching-service");
            }

            @Override
            public String identityUrl() {
                return config.issuer();
            }

            @Override
            public String token(String memberId, List<String> roles) {
                return devToken(memberId, config.devTimebank(), roles);
            }

            @Override
            public void setPassword(String memberId, String password) {
                identity.setPassword(memberId, config.devTimebank(), password);
            }
        };
    }

    /** The banner's lines for the demo: who to sign in as, with which password. */
    static List<String> demoLines(String portalUrl, List<DemoTimebank.SignIn> signIns) {
        List<String> lines = new ArrayList<>();
        lines.add(" Demo timebank (RECIPROCITY_DEMO=true): sign in at " + portalUrl + " as any of these,");
        lines.add(" password " + DemoTimebank.PASSWORD + " (this machine only: the demo's password is printed here):");
        for (DemoTimebank.SignIn signIn : signIns) {
            lines.add(String.format("   %-22s %s, %s", signIn.email(), signIn.name(), signIn.shown()));
        }
        return lines;
    }

    /**
     * The first admin's one-time link while one is still to set up sign-in, asked of identity-service
     * at each start; empty once an admin has (identity answers 404) or when it cannot say.
     */
    Optional<String> firstAdminLink() {
        try {
            return identity.firstAdminLink();
        } catch (RuntimeException e) {
            say("could not ask identity-service for the first admin's link: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The banner's first lines: where to go in a browser and, on a first run, how to become its admin. */
    static List<String> firstRunLines(String portalUrl, boolean portalRuns, Optional<String> firstAdminLink) {
        List<String> lines = new ArrayList<>();
        if (portalRuns) {
            lines.add(" Open the portal: " + portalUrl);
        }
        firstAdminLink.ifPresent(link -> {
            lines.add(" Set up the first admin: " + link);
            lines.add("   (a one-time link: it sets up how the admin signs in, then stops working)");
        });
        return lines;
    }

    private void printWelcome(Optional<DemoTimebank.Loaded> demo) throws IOException {
        Path tokenFile = config.dataDir().resolve("dev-token.txt");
        boolean tokenWritten = false;
        try {
            Files.writeString(tokenFile, devToken("dev-admin", config.devTimebank(), List.of("ADMIN", "COORDINATOR", "STAFF")));
            tokenWritten = true;
        } catch (RuntimeException e) {
            // the platform runs without it: the portal does not need it, and /dev/token can be asked again
            say("no token for the API walk-through: " + e.getMessage());
        }
        boolean portalRuns = services.stream().anyMatch(s -> s.name().equals(ServiceNode.PORTAL));
        List<String> firstRun = firstRunLines(config.portalUrl(), portalRuns, firstAdminLink());
        String line = "-".repeat(78);
        System.out.println(line);
        System.out.println(" " + BANNER_TITLE);
        firstRun.forEach(System.out::println);
        if (demo.isPresent() && portalRuns) {
            System.out.println();
            demoLines(config.portalUrl(), demo.get().signIns()).forEach(System.out::println);
        }
        System.out.println();
        for (Supervised supervised : services) {
            ServiceNode service = (ServiceNode) supervised.child();
            System.out.printf("   %-22s %s   (log: %s)%n", service.name(), service.url(), config.projectDir().relativize(service.logFile()));
        }
        System.out.printf("   %-22s %s%n", "Kafka (KRaft)", config.kafkaBootstrap());
        System.out.printf("   %-22s %s%n", "MongoDB wire protocol", config.mongoUri(""));
        System.out.printf("   %-22s %s   (read what was sent: %s/dev/mail)%n", "SMTP (GreenMail)",
                "127.0.0.1:" + config.smtpPort(), config.devPagesUrl());
        System.out.printf("   %-22s %s%n", "data", config.dataDir());
        System.out.printf("   %-22s %s/dev/status   (log: %s)%n", "what runs", config.devPagesUrl(),
                config.projectDir().relativize(config.dataDir().resolve("logs").resolve("platform.log")));
        System.out.println();
        System.out.println(" A broker or service that stops is started again. Back up with scripts/backup.sh.");
        System.out.println();
        if (tokenWritten) {
            System.out.println(" For the API: a token from identity-service's local-only helper (ADMIN, COORDINATOR, STAFF of");
            System.out.println(" timebank '" + config.devTimebank() + "', valid " + IdentityClient.TOKEN_LIFETIME.toHours()
                    + " h) is in " + config.projectDir().relativize(tokenFile) + ":");
            System.out.println("   TOKEN=$(cat " + config.projectDir().relativize(tokenFile) + ")");
        }
        System.out.println(" Tokens for the API: " + config.devPagesUrl() + "/dev/token?timebank=" + config.devTimebank()
                + "&member=<id>&roles=MEMBER");
        System.out.println(Boolean.getBoolean(DETACHED) ? " Stop everything with scripts/stop.sh." : " Press Ctrl-C to stop everything.");
        System.out.println(line);
    }

    /** Stops that follow are expected (Ctrl-C reaches the children too): none is started again. */
    private void expectStops() {
        services.forEach(Supervised::stopping);
        kafka.forEach(Supervised::stopping);
    }

    /** Stops the portal, the services (they drain their work) and identity-service first, then the broker, then the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        expectStops();
        // the portal first, identity-service last: the reverse of their start
        List<Supervised> stopOrder = new ArrayList<>(services);
        java.util.Collections.reverse(stopOrder);
        for (Supervised service : stopOrder) {
            quietly(() -> service.stop(Duration.ofSeconds(30)));
        }
        // a cluster's brokers all at once: stopped one after another, the last ones wait for a quorum
        // that has gone with the first, until they are killed
        List<Thread> stoppers = new ArrayList<>();
        for (Supervised broker : kafka) {
            Thread stopper = new Thread(() -> quietly(() -> broker.stop(Duration.ofSeconds(30))), "stop-" + broker.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            quietly(() -> stopper.join());
        }
        kafkaNodes.forEach(KafkaNode::close);
        if (pages != null) {
            pages.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (pids != null) {
            pids.remove(PidFiles.LAUNCHER);
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
        PlatformLog.say(message);
    }
}
