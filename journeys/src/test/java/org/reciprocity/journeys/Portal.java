package org.reciprocity.journeys;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.reciprocity.platform.FreePorts;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;

/**
 * The whole local platform (broker, store, SMTP server, the three services, identity-service and
 * the portal), started once per test JVM and shared by every browser test: starting it takes
 * minutes on this machine. Tests keep apart by their own people (names and e-mails made unique
 * here) and, where they need it, their own timebank. MonthOfTimebankLifeIT could share it too
 * (its Town would take {@link #platform} instead of starting its own).
 *
 * <p>Ports are free ones, set through the launcher's settings ({@code reciprocity.<part>.port}, as
 * {@link PlatformConfig#fromEnvironment()} reads them), so the suite runs beside a developer's
 * platform; the browser reaches the portal and identity-service at {@code localhost} (WebAuthn
 * needs that name), the tests reach the services at 127.0.0.1.
 */
final class Portal {

    /** The local platform's own timebank, whose first admin {@code /local/first-admin-link} sets up. */
    static final String TIMEBANK = "demo";
    /** Another timebank, whose members must not see this one's pages or data. */
    static final String ELSEWHERE = "elsewhere";
    static final String ADMIN_ID = "admin";
    static final String ADMIN_EMAIL = "admin@localhost";

    private static Portal shared;
    private static Throwable failedToStart;
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    final LocalPlatform platform;
    final String web;
    final String identity;
    final Map<String, String> services = new LinkedHashMap<>();
    final Mailbox mailbox;
    private Account admin;

    /** A person who can sign in: their member id, timebank, e-mail and password (null for a passkey). */
    record Account(String name, String memberId, String timebank, String email, String password) {
    }

    private Portal(LocalPlatform platform, Map<String, Integer> ports) {
        this.platform = platform;
        this.web = "http://localhost:" + ports.get("web");
        this.identity = "http://localhost:" + ports.get("identity");
        services.put("ledger-service", "http://127.0.0.1:" + ports.get("ledger"));
        services.put("matching-service", "http://127.0.0.1:" + ports.get("matching"));
        services.put("notification-service", "http://127.0.0.1:" + ports.get("notification"));
        services.put("identity-service", identity);
        this.mailbox = new Mailbox("http://127.0.0.1:" + devPagesPort(platform, ports.get("issuer")) + "/dev/mail");
    }

    /**
     * Where the launcher serves its development pages ({@code /dev/mail}): the port its config names
     * for them (asked by name, so a renamed setting is still found), else the one this suite chose.
     */
    private static int devPagesPort(LocalPlatform platform, int chosen) {
        for (String name : List.of("devPort", "launcherPort", "issuerPort")) {
            try {
                Object port = PlatformConfig.class.getMethod(name).invoke(platform.config());
                if (port instanceof Integer number) {
                    return number;
                }
            } catch (ReflectiveOperationException absent) {
                // not this name
            }
        }
        return chosen;
    }

    /** The platform of this test JVM, started at the first call and stopped when the JVM ends. */
    static synchronized Portal shared() throws Exception {
        if (failedToStart != null) {
            // one attempt per JVM: each test class trying again would cost minutes apiece
            throw new IllegalStateException("the local platform did not start for an earlier test of this JVM", failedToStart);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (Exception | Error e) {
                failedToStart = e;
                throw e;
            }
            Portal started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started.platform::close, "portal-platform-stop"));
            started.openTimebank(TIMEBANK, "Demo timebank");
            started.openTimebank(ELSEWHERE, "Elsewhere timebank");
        }
        return shared;
    }

    private static Portal start() throws Exception {
        // review-service's port named too: by default it is notification's plus two, here another part's port
        String[] parts = {"kafka", "kafka.controller", "mongo", "issuer", "ledger", "matching", "notification", "smtp",
                "identity", "web", "review"};
        int[] free = FreePorts.some(parts.length);
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            ports.put(parts[i], free[i]);
            settings.put("reciprocity." + parts[i] + ".port", Integer.toString(free[i]));
        }
        Path data = Files.createTempDirectory("reciprocity-portal-e2e");
        settings.put("reciprocity.data", data.toString());
        settings.put("reciprocity.dev.timebank", TIMEBANK);
        // the launcher reads its settings when it starts; they are put back afterwards, so that a
        // platform another test might start later in this JVM is not given these ports
        Map<String, String> before = new LinkedHashMap<>();
        settings.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
        LocalPlatform platform;
        try {
            platform = new LocalPlatform(PlatformConfig.fromEnvironment());
            try {
                // as the month scenario allows: on a loaded 2-core machine the services have taken minutes
                // (this suite runs beside the month scenario and the crash suite: see .mvn/maven.config)
                platform.start(Duration.ofSeconds(480));
            } catch (Exception | Error e) {
                platform.close();
                throw e;
            }
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        return new Portal(platform, ports);
    }

    // ---- addresses and tokens

    /** A service's API for a timebank, e.g. {@code api("ledger-service", "demo") + "/members"}. */
    String api(String service, String timebank) {
        return services.get(service) + "/api/v1/timebanks/" + timebank;
    }

    /** An access token signed by identity-service ({@code /local/token} through the launcher), 8 h. */
    String token(String memberId, String timebank, String... roles) {
        List<String> all = new java.util.ArrayList<>(List.of("MEMBER"));
        for (String role : roles) {
            if (!all.contains(role)) {
                all.add(role);
            }
        }
        return platform.devToken(memberId, timebank, all);
    }

    /** A coordinator's and admin's token for a timebank. */
    String coordinator(String timebank) {
        return token("coordinator-" + timebank, timebank, "COORDINATOR", "ADMIN");
    }

    /**
     * A token signed by the key the services trust, but naming another issuer or audience: the
     * launcher's {@code devTokenNaming} (package-private there, so called reflectively).
     */
    String tokenNaming(String issuer, String audience, String memberId, String timebank) {
        try {
            Method naming = LocalPlatform.class.getDeclaredMethod("devTokenNaming", String.class, String.class, String.class,
                    String.class, List.class);
            naming.setAccessible(true);
            return (String) naming.invoke(platform, issuer, audience, memberId, timebank, List.of("MEMBER"));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LocalPlatform.devTokenNaming(issuer, audience, member, timebank, roles) is needed to"
                    + " mint a token naming another issuer or audience with the trusted key", e);
        }
    }

    // ---- people

    /** A name and e-mail no other test of this JVM uses (the portal finds members by name). */
    static String uniqueName(String first) {
        int n = PEOPLE.incrementAndGet();
        return first + " " + SURNAMES[n % SURNAMES.length] + (n > SURNAMES.length ? n : "");
    }

    private static final String[] SURNAMES = {"Abbot", "Baker", "Carter", "Dale", "Ellis", "Fisher", "Gray", "Hale",
            "Irwin", "Jones", "Kent", "Lowe", "Mason", "Nash", "Owen", "Price", "Quinn", "Reed", "Shaw", "Tate"};

    static String emailOf(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "@example.org";
    }

    /** Opens a timebank in the ledger (again is fine: the platform may already know it). */
    void openTimebank(String id, String name) {
        Web.postJson(services.get("ledger-service") + "/api/v1/timebanks", coordinator(id),
                Web.json("id", id, "name", name, "zoneId", "Europe/London")).expect(201, 409);
    }

    /** Registers a member in the ledger through its API (as a coordinator would), returning the id. */
    String register(String timebank, String name, String kind, String language) {
        return Web.postJson(api("ledger-service", timebank) + "/members", coordinator(timebank),
                Web.json("kind", kind, "displayName", name, "email", emailOf(name), "language", language)).expect(201)
                .text("id");
    }

    /** A member invited by e-mail: their id, address and the link the invite e-mail holds. */
    record Invited(String name, String memberId, String timebank, String email, String link) {
    }

    /** A member registered and invited through the APIs (the portal's invite page is the journey's business). */
    Invited enrolThroughApis(String timebank, String name, String language, List<String> roles) {
        String id = register(timebank, name, "NEIGHBOUR", language);
        int before = mailbox.count(emailOf(name));
        Map<String, Object> invitation = new LinkedHashMap<>(Web.json("memberId", id, "email", emailOf(name),
                "language", language));
        if (!roles.isEmpty()) {
            invitation.put("roles", roles);
        }
        Web.postJson(api("identity-service", timebank) + "/invitations", coordinator(timebank), invitation).expect(201);
        return new Invited(name, id, timebank, emailOf(name), inviteLink(emailOf(name), before));
    }

    /** The invite link e-mailed to this address after its first {@code before} e-mails. */
    String inviteLink(String email, int before) {
        return mailbox.awaitLink(email, before, link -> link.startsWith(identity + "/welcome/"), "an invite link");
    }

    /** An organisation with an offer members can spend hours on, set up through the ledger's API. */
    String organisation(String timebank, String name) {
        String staff = register(timebank, uniqueName("Staff"), "STAFF", "en");
        String id = Screens.safe(name).toLowerCase();
        Web.postJson(api("ledger-service", timebank) + "/organisations", coordinator(timebank),
                Web.json("id", id, "name", name, "staffIds", List.of(staff))).expect(201);
        return id;
    }

    /**
     * Signs this person in as the local timebank's first admin. At the first call their sign-in is
     * set up with a password from {@code /local/first-admin-link} (a one-time link: later calls sign
     * in with that password).
     */
    synchronized Account admin(Person person) {
        if (admin == null) {
            Web.Reply link = Web.get(identity + "/local/first-admin-link", null).expect(200);
            Account account = new Account("Admin", ADMIN_ID, TIMEBANK, ADMIN_EMAIL, "calm river " + System.nanoTime());
            // kept before the set-up: the link works once, so a later test signs in with this password
            // even when a check on the way (axe on the next page) failed the test that set it up
            admin = account;
            person.setUpPassword(link.body().trim(), account);
        } else {
            person.account = admin;
            person.signIn();
        }
        return admin;
    }
}
