package org.reciprocity.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.platform.FreePorts;
import org.reciprocity.platform.LocalPlatform;
import org.reciprocity.platform.PlatformConfig;

/**
 * The timebank of the scenario on the local platform: its people and their tokens, the three
 * services' clocks moved together, and what each person received, read back through the APIs and
 * the development mail server.
 */
final class Town implements AutoCloseable {

    static final String TIMEBANK = "riverside";
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final List<String> SERVICES = List.of("ledger-service", "matching-service", "notification-service");

    final LocalPlatform platform;
    final LocalDate dayZero;
    final String ledger;
    final String matching;
    final String notification;
    final String admin;
    final Map<String, Person> people = new LinkedHashMap<>();
    private int states;
    private final List<String> wrongStates = new ArrayList<>();

    record Person(String name, String id, String email, String language, String token) {
    }

    private Town(LocalPlatform platform, LocalDate dayZero) {
        this.platform = platform;
        this.dayZero = dayZero;
        this.ledger = platform.url("ledger-service") + "/api/v1/timebanks/" + TIMEBANK;
        this.matching = platform.url("matching-service") + "/api/v1/timebanks/" + TIMEBANK;
        this.notification = platform.url("notification-service") + "/api/v1/timebanks/" + TIMEBANK;
        this.admin = platform.devToken("admin-1", TIMEBANK, List.of("ADMIN", "COORDINATOR"));
    }

    /** The platform on free ports and a fresh data folder; the services' clocks are movable (see the pom). */
    static Town start(LocalDate dayZero) throws Exception {
        int[] ports = FreePorts.some(10);
        PlatformConfig config = PlatformConfig.fromEnvironment().withPorts(Files.createTempDirectory("reciprocity-month"),
                ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8], ports[9]);
        LocalPlatform platform = new LocalPlatform(config);
        try {
            // as the run command allows, and more: on a loaded 2-core machine the services have taken over 3 minutes
            platform.start(Duration.ofSeconds(400));
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
        return new Town(platform, dayZero);
    }

    // ---- time

    /** Moves the three services' clocks to {@code time} (UTC; London in January) of the scenario's day. */
    void moveTo(int day, LocalTime time) {
        Instant to = dayZero.plusDays(day).atTime(time).toInstant(ZoneOffset.UTC);
        for (String service : SERVICES) {
            Http.Answer moved = Http.post(platform.url(service) + "/test/clock", admin, "{\"to\":\"" + to + "\"}").expect(200);
            assertThat(Instant.parse(moved.text("now"))).as(service + "'s clock").isBetween(to, to.plusSeconds(60));
        }
    }

    /**
     * Lets the schedulers (every half second to two seconds here) look at the new time and their messages go out:
     * waits until each of the three services' short-interval jobs has run once more, from start to end, after
     * the clock moved (read from Spring Boot's {@code scheduledtasks} endpoint, which the pom exposes for this
     * test only), then at least 1.8 s in all for what those runs set off. A pause alone was what the month relied
     * on before; on a loaded machine a job can miss it, and its work then happens at the next time of day.
     */
    void letSchedulersRun() {
        long start = System.nanoTime();
        Map<String, Map<String, String>> before = lastRuns();
        await("every short-interval scheduled job has run since the clock moved").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> everyJobRanSince(before));
        long left = Duration.ofMillis(1_800).minusNanos(System.nanoTime() - start).toMillis();
        if (left > 0) {
            pause(Duration.ofMillis(left));
        }
    }

    /** Jobs that look at the clock every two seconds or more often: the month's schedules (see the pom). */
    private static final long SHORT_INTERVAL_MS = 2_000;

    /**
     * service, then job, then the start of its last run, "" if it has never run; a run not ended yet has its start
     * marked with a "…" after it.
     */
    private Map<String, Map<String, String>> lastRuns() {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, String> jobs = new LinkedHashMap<>();
            JsonNode tasks = Http.get(platform.url(service) + "/actuator/scheduledtasks", admin).expect(200).json();
            for (String kind : List.of("fixedDelay", "fixedRate")) {
                for (JsonNode task : tasks.path(kind)) {
                    if (task.path("interval").asLong(Long.MAX_VALUE) <= SHORT_INTERVAL_MS) {
                        JsonNode last = task.path("lastExecution");
                        String started = last.isObject() ? last.path("time").asText() : "";
                        boolean running = "STARTED".equals(last.path("status").asText());
                        jobs.put(task.path("runnable").path("target").asText(), started + (running ? "…" : ""));
                    }
                }
            }
            if (jobs.isEmpty()) {
                throw new AssertionError(service + " lists no scheduled job that runs every " + SHORT_INTERVAL_MS
                        + " ms or more often: " + tasks);
            }
            runs.put(service, jobs);
        }
        return runs;
    }

    /**
     * Each job has ended a run that started after the run it was in, or had last made, when {@code before} was
     * read. {@code before} was read after the clock moved, and a job's runs do not overlap: so that run started
     * after the move and read the new time.
     */
    private boolean everyJobRanSince(Map<String, Map<String, String>> before) {
        Map<String, Map<String, String>> now = lastRuns();
        return before.entrySet().stream().allMatch(service -> service.getValue().entrySet().stream().allMatch(job -> {
            String then = job.getValue().replace("…", "");
            String last = now.get(service.getKey()).getOrDefault(job.getKey(), "");
            return !last.isEmpty() && !last.endsWith("…")
                    && (then.isEmpty() || Instant.parse(last).isAfter(Instant.parse(then)));
        }));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    LocalDate date(int day) {
        return dayZero.plusDays(day);
    }

    Instant at(int day, LocalTime time) {
        return date(day).atTime(time).toInstant(ZoneOffset.UTC);
    }

    // ---- people

    Person join(String name, String kind, String language, String... roles) {
        StringBuilder body = new StringBuilder("{\"kind\":\"" + kind + "\",\"displayName\":\"" + name + "\",\"email\":\""
                + name + "@example.org\",\"language\":\"" + language + "\"");
        if (roles.length > 0) {
            body.append(",\"roles\":[\"").append(String.join("\",\"", roles)).append("\"]");
        }
        String id = Http.post(ledger + "/members", admin, body.append('}').toString()).expect(201).text("id");
        List<String> tokenRoles = new ArrayList<>(List.of("MEMBER"));
        tokenRoles.addAll(List.of(roles));
        Person person = new Person(name, id, name + "@example.org", language, platform.devToken(id, TIMEBANK, tokenRoles));
        people.put(name, person);
        return person;
    }

    /** Once matching and notification know everyone (through the broker). */
    void awaitEveryoneKnown() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> people.values().stream()
                .allMatch(p -> Http.get(matching + "/profiles/" + p.id(), admin).status() == 200
                        && Http.get(notification + "/recipients/" + p.id(), admin).status() == 200));
    }

    Person person(String name) {
        return people.get(name);
    }

    String nameOf(String id) {
        return people.values().stream().filter(p -> p.id().equals(id)).map(Person::name).findFirst().orElse(id);
    }

    // ---- states

    /** One state checked through the APIs: counted, and failed with its name if it is not as expected. */
    void check(String what, Object actual, Object expected) {
        states++;
        if (!java.util.Objects.equals(actual, expected)) {
            wrongStates.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** The states that were not as expected, each with what it was: all of them, not only the first. */
    List<String> wrongStates() {
        return wrongStates;
    }

    int statesChecked() {
        return states;
    }

    /** Waits until an asynchronous state (a read model fed by the broker) is as expected, then counts it. */
    void eventually(String what, java.util.function.Supplier<Object> actual, Object expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!java.util.Objects.equals(actual.get(), expected) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(250));
        }
        check(what, actual.get(), expected);
    }

    JsonNode contribution(String id) {
        return Http.get(ledger + "/contributions/" + id, admin).expect(200).json();
    }

    JsonNode account(String id) {
        return Http.get(ledger + "/accounts/" + id, admin).expect(200).json();
    }

    // ---- messages

    /**
     * Waits (up to 20 s) until each of the day's scripted inbox messages has arrived, so that a slow
     * machine does not let a day's scheduled work slip into the next day. It asserts nothing: the
     * comparison at the end does.
     */
    void awaitInboxes(int day, List<Script.Message> script) {
        awaitInboxes(day, script, m -> true);
    }

    /** Waits (up to 20 s) until the day's messages of these kinds that the script lists are in the inboxes. */
    void awaitInboxes(int day, List<Script.Message> script, String... kinds) {
        awaitInboxes(day, script, m -> List.of(kinds).contains(m.kind()));
    }

    private void awaitInboxes(int day, List<Script.Message> script, java.util.function.Predicate<Script.Message> which) {
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        script.stream().filter(m -> m.day() == day && m.channel().equals("INBOX") && which.test(m))
                .forEach(m -> wanted.computeIfAbsent(m.recipient(), k -> new ArrayList<>()).add(m.kind()));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !wanted.entrySet().stream().allMatch(w -> arrived(day, w.getKey(), w.getValue()))) {
            pause(Duration.ofMillis(300));
        }
    }

    private boolean arrived(int day, String name, List<String> kinds) {
        List<String> left = new ArrayList<>(kinds);
        for (JsonNode item : Http.get(notification + "/inbox?limit=200", people.get(name).token()).expect(200).json()
                .path("items")) {
            if (day(item.path("occurredAt").asText()) == day) {
                left.remove(item.path("kind").asText());
            }
        }
        return left.isEmpty();
    }

    /** Waits until nothing is left to send and the inboxes have stopped growing. */
    void awaitQuiet() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1_000)).until(() -> {
            JsonNode deliveries = Http.get(notification + "/deliveries?limit=500", admin).expect(200).json();
            for (JsonNode d : deliveries) {
                if (!d.path("status").asText().equals("SENT") && !d.path("status").asText().equals("FAILED")) {
                    return false;
                }
            }
            long total = deliveries.size();
            for (Person p : people.values()) {
                total += Http.get(notification + "/inbox?limit=200", p.token()).expect(200).json().path("items").size();
            }
            boolean stable = total == last[0];
            last[0] = total;
            return stable;
        });
    }

    /**
     * Every message each person received: their inbox items (the inbox API, as they see it) and
     * their e-mails (the delivery log, each matched to one e-mail the mail server holds, whose
     * subject tells its language). An e-mail that no delivery explains fails.
     */
    List<Script.Message> received(Wordings wordings) {
        List<Script.Message> received = new ArrayList<>();
        for (Person p : people.values()) {
            for (JsonNode item : Http.get(notification + "/inbox?limit=200", p.token()).expect(200).json().path("items")) {
                String kind = item.path("kind").asText();
                List<String> languages = wordings.languagesOf(kind, item.path("closedBecause").asText(null),
                        item.path("title").asText());
                received.add(new Script.Message(day(item.path("occurredAt").asText()), p.name(), kind, "INBOX",
                        languages.contains(p.language()) ? p.language() : languages.isEmpty() ? "?" : languages.get(0)));
            }
        }
        List<Mail> mails = new ArrayList<>(mails());
        JsonNode deliveries = Http.get(notification + "/deliveries?limit=500", admin).expect(200).json();
        for (JsonNode d : deliveries) {
            String recipient = nameOf(d.path("recipientId").asText());
            String kind = d.path("kind").asText();
            Person p = people.get(recipient);
            String language = "?(" + d.path("status").asText() + ")";
            for (Mail mail : mails) {
                if (p != null && mail.to().equals(p.email())) {
                    String found = wordings.isTitle(kind, p.language(), mail.subject()) ? p.language()
                            : wordings.isTitle(kind, "en", mail.subject()) ? "en"
                            : wordings.isTitle(kind, "fr", mail.subject()) ? "fr" : null;
                    if (found != null) {
                        language = found;
                        mails.remove(mail);
                        break;
                    }
                }
            }
            received.add(new Script.Message(day(d.path("occurredAt").asText()), recipient, kind,
                    d.path("channel").asText(), language));
        }
        assertThat(mails).as("e-mails the mail server received that no delivery of the log explains").isEmpty();
        Collections.sort(received);
        return received;
    }

    private int day(String instant) {
        return (int) ChronoUnit.DAYS.between(dayZero, Instant.parse(instant).atZone(ZONE).toLocalDate());
    }

    record Mail(String to, String subject) {
    }

    /** The e-mails GreenMail received, as the launcher's {@code /dev/mail} lists them. */
    private List<Mail> mails() {
        String listing = Http.get("http://127.0.0.1:" + platform.config().issuerPort() + "/dev/mail", null).expect(200).body();
        List<Mail> mails = new ArrayList<>();
        for (String chunk : listing.split("\n==== To: ")) {
            int newline = chunk.indexOf('\n');
            if (!chunk.contains("\nSubject: ") || newline < 0 || chunk.startsWith("0 e-mail") || chunk.matches("(?s)^\\d+ e-mail.*")) {
                continue;
            }
            String to = chunk.substring(0, newline).trim();
            int subject = chunk.indexOf("\nSubject: ") + "\nSubject: ".length();
            mails.add(new Mail(to, chunk.substring(subject, chunk.indexOf('\n', subject)).trim()));
        }
        return mails;
    }

    /** Which of the script's messages were missing and which came unannounced. */
    static String difference(List<Script.Message> expected, List<Script.Message> actual) {
        List<Script.Message> missing = new ArrayList<>(expected);
        List<Script.Message> unexpected = new ArrayList<>();
        for (Script.Message m : actual) {
            if (!missing.remove(m)) {
                unexpected.add(m);
            }
        }
        StringBuilder out = new StringBuilder();
        Collections.sort(missing);
        Collections.sort(unexpected);
        missing.forEach(m -> out.append("\n  missing:    ").append(m));
        unexpected.forEach(m -> out.append("\n  unexpected: ").append(m));
        return out.toString();
    }

    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        people.values().forEach(p -> ids.add(p.id()));
        return ids;
    }

    @Override
    public void close() {
        platform.close();
    }

    static String json(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return Http.JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
