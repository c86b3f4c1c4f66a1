package org.reciprocity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.reciprocity.testsupport.fuzz.Fuzzer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17: hostile requests to the review. First the shared fuzzer over every operation of the
 * OpenAPI document; then the review's own hostile inputs, which the shared fuzzer cannot know:
 * periods backwards or absurd, months such as {@code 2026-13}, huge and negative pages, unknown sort
 * keys and kinds, unicode and very long text, spreadsheet formulas in filters, traversal in the
 * indicator's name, a rebuild sent something. Each answer is read in English and in French: a
 * refusal is a 4xx problem detail with its stable code, a title, and words in the reader's
 * language; nothing is ever a 5xx; and the timebank's figures, the generation of the projections
 * and the service's own collections are the same after as before.
 */
@ServiceIntegrationTest
class ReviewFuzzIT {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    /** What the review's own refusals are for; any other refusal (the kit's) needs only be a problem with a code. */
    private static final Set<String> ANY = Set.of();
    /** Long, and still short enough for the request line and a token to fit in the server's 8 KB of headers. */
    private static final String LONG = "x".repeat(5_000);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final String tb = "review-fuzz-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyEndpointOfTheDocumentRefusesHostileInputWithAProblemAndWritesNothing() {
        new Fuzzer("review-service", port, tb, mongo.getDb(), new Projections())
                .with("indicator", ReviewMatrixFixtures.INDICATOR)
                .verify();
    }

    /**
     * One hostile request; {@code codes} the problems it may get (any, when empty), {@code refused} whether a 2xx
     * would be wrong; {@code unread} when the server cannot even read its headers (a request line past its limit),
     * so it cannot know the reader's language either.
     */
    record Hostile(String what, String method, String target, Map<String, String> headers, byte[] body, Set<String> codes,
                   boolean refused, boolean unread) {
        Hostile(String what, String method, String target, Map<String, String> headers, byte[] body, Set<String> codes,
                boolean refused) {
            this(what, method, target, headers, body, codes, refused, false);
        }

        @Override
        public String toString() {
            return what + " — " + method + " " + (target.length() > 140 ? target.substring(0, 140) + "…" : target);
        }
    }

    private final List<Hostile> hostile = new ArrayList<>();

    private void refused(String what, String target, String... codes) {
        hostile.add(new Hostile(what, "GET", review(target), Map.of(), null, Set.of(codes), true));
    }

    private void refusedAs(String what, String accept, String target, String... codes) {
        hostile.add(new Hostile(what, "GET", review(target), Map.of("Accept", accept), null, Set.of(codes), true));
    }

    private void mayBeValid(String what, String target) {
        hostile.add(new Hostile(what, "GET", review(target), Map.of(), null, ANY, false));
        hostile.add(new Hostile(what + " (CSV)", "GET", review(target), Map.of("Accept", "text/csv"), null, ANY, false));
    }

    private void rebuild(String what, String query, String contentType, String body, String... codes) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);
        hostile.add(new Hostile(what, "POST", review("/rebuild" + query), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Set.of(codes), true));
    }

    private String review(String target) {
        return "/api/v1/timebanks/" + tb + "/review" + target;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void cases() {
        // months and periods
        for (String month : List.of("2026-13", "2026-00", "2026-1", "26-11", "2026/11", "november", "+999999999-12",
                "-999999999-01", "-2026-11", "+10000-01", "0000-00", "\uff12\uff10\uff12\uff16-\uff11\uff11", "2026-11-01",
                "2026-11\u0000", LONG)) {
            refused("from " + abbreviated(month), "/members?from=" + enc(month), "not-a-month");
            refused("to " + abbreviated(month) + " on parity", "/parity?from=2026-11&to=" + enc(month), "not-a-month",
                    "period-backwards");
        }
        refused("a period backwards", "/members?from=2026-11&to=2026-01", "period-backwards");
        refused("a period backwards, by a year", "/indicators?from=2027-01&to=2026-12", "period-backwards");
        refused("a period of 127 years", "/members?from=1900-01&to=2026-12", "period-too-long");
        refused("a period of 10,000 years", "/parity?from=0000-01&to=9999-12", "period-too-long");
        refused("a period of 61 months", "/indicators?from=2021-11&to=2026-11", "period-too-long");
        refused("the last month alone, absurd", "/members?to=+999999999-12", "not-a-month");
        refused("a month given twice", "/members?from=2026-11&from=2026-12", "not-a-month");
        // pages
        for (String page : List.of("-1", "100001", "2147483647", "2147483648", "99999999999999999999", "1.5", "1e3", "abc",
                "0x10", "\uff11", "+1")) {
            refused("page " + page, "/members?page=" + enc(page), "page-out-of-range");
        }
        for (String size : List.of("0", "-5", "501", "100000", "2147483648", "1.5", "abc")) {
            refused("size " + size, "/members?size=" + enc(size), "page-out-of-range");
        }
        // sorts, directions, kinds
        for (String sort : List.of("age", "__proto__", "$where", "name;drop", "given\u0000", "\u00fcn\u00efc\u00f8d\u00e9 \ud83c\udf31\u202e",
                LONG, FORMULA)) {
            refused("sort " + abbreviated(sort), "/members?sort=" + enc(sort), "not-a-sort");
        }
        refused("direction sideways", "/members?direction=sideways", "not-a-direction");
        refused("direction in a 5 KB word", "/members?direction=" + LONG, "not-a-direction");
        for (String kind : List.of("organisation", "ORGANISATION", "alien", "1", "=1+1", "@SUM(A1)", "a" + "\ud83c\udf31".repeat(30),
                LONG, "\u202eFFATS")) {
            refused("kind " + abbreviated(kind), "/members?kind=" + enc(kind), "not-a-member-kind");
        }
        // the CSV forms refuse in a problem too, whatever the reader accepts
        refused("a bad month, as .csv", "/members.csv?from=2026-13", "not-a-month");
        refusedAs("a bad month, asking for CSV", "text/csv", "/members?from=2026-13", "not-a-month");
        refusedAs("a bad sort, asking for CSV", "text/csv", "/members?sort=age", "not-a-sort");
        refused("a bad period on parity.csv", "/parity.csv?from=2026-11&to=2026-01", "period-backwards");
        refused("a bad month on parity/months.csv", "/parity/months.csv?to=2026-13", "not-a-month");
        refusedAs("a bad month on the indicators, asking for CSV", "text/csv", "/indicators?from=x", "not-a-month");
        refused("a bad month behind an indicator, as .csv",
                "/indicators/" + ReviewMatrixFixtures.INDICATOR + "/contributions.csv?from=2026-13", "not-a-month");
        // the indicator's name
        for (String indicator : List.of("peer-support", "PRACTICAL_HELP", "no-such-indicator", "governing-body\u0000",
                "i".repeat(5_000), FORMULA, "\u00fcn\u00efc\u00f8d\u00e9 \ud83c\udf31\u202e", "{\"$gt\":\"\"}")) {
            // what no id can be (too long, unicode, an encoded NUL or slash) the kit or the server refuses before us
            refused("indicator " + abbreviated(indicator), "/indicators/" + enc(indicator) + "/contributions",
                    "not-an-indicator", "invalid-value", "unreadable-request", "request-rejected");
            refused("indicator " + abbreviated(indicator) + " as .csv", "/indicators/" + enc(indicator) + "/contributions.csv",
                    "not-an-indicator", "invalid-value", "unreadable-request", "request-rejected");
        }
        for (String traversal : List.of("..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%252e%252e%252f", "..%5c..%5c",
                ".%00.", "%2e%2e%2f%2e%2e%2fadmin%2fparked-events")) {
            hostile.add(new Hostile("traversal " + traversal + " in the indicator", "GET",
                    review("/indicators/" + traversal + "/contributions"), Map.of(), null, ANY, true));
        }
        // what the reader accepts, and methods the review does not take
        refusedAs("XML asked for", "application/xml", "/members", "not-acceptable");
        refusedAs("an image asked for", "image/png", "/indicators.csv", "not-acceptable");
        hostile.add(new Hostile("PUT on the review", "PUT", review("/members"), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Set.of("method-not-supported"), true));
        hostile.add(new Hostile("DELETE on parity", "DELETE", review("/parity"), Map.of(), null,
                Set.of("method-not-supported"), true));
        hostile.add(new Hostile("GET on the rebuild", "GET", review("/rebuild"), Map.of(), null,
                Set.of("method-not-supported"), true));
        // a request line past what the server reads at all (8 KB of line and headers): refused before its headers are read
        for (int length : List.of(10_000, 100_000)) {
            hostile.add(new Hostile("a " + length / 1000 + " KB filter", "GET", review("/members?organisation=" + "o".repeat(length)),
                    Map.of(), null, Set.of("unreadable-request", "too-large", "request-rejected"), true, true));
            hostile.add(new Hostile("a " + length / 1000 + " KB month", "GET", review("/parity?from=" + "2".repeat(length)),
                    Map.of(), null, Set.of("unreadable-request", "too-large", "request-rejected"), true, true));
        }
        // hostile but possibly fair: an organisation to filter by is anyone's id
        mayBeValid("a formula as the organisation", "/members?organisation=" + enc(FORMULA));
        mayBeValid("a formula with a pipe as the organisation", "/members?organisation=" + enc("=cmd|' /C calc'!A0"));
        mayBeValid("unicode as the organisation", "/members?organisation=" + enc("\u00fcn\u00efc\u00f8d\u00e9 \ud83c\udf31\u202e"));
        mayBeValid("a 5 KB organisation", "/members?organisation=" + LONG);
        mayBeValid("a NoSQL operator as the organisation", "/members?organisation=" + enc("{\"$ne\":null}"));
        mayBeValid("unknown parameters", "/members?" + enc("$where") + "=sleep(1000)&" + enc("__proto__[x]") + "=1");
        mayBeValid("the timebank named again in the query", "/parity?timebankId=elsewhere");
        // the rebuild takes nothing: no options, no body of any kind
        rebuild("a rebuild sent text", "", "text/plain", "rebuild please", "rebuild-takes-nothing", "media-type-not-supported");
        rebuild("a rebuild sent XML", "", "application/xml", "<rebuild generation=\"0\"/>", "rebuild-takes-nothing",
                "media-type-not-supported");
        rebuild("a rebuild sent a form", "", "application/x-www-form-urlencoded", "generation=0", "rebuild-takes-nothing",
                "media-type-not-supported");
        rebuild("a rebuild sent multipart without a boundary", "", "multipart/form-data", "generation=0",
                "rebuild-takes-nothing", "media-type-not-supported", "unreadable-request");
        rebuild("a rebuild sent JSON options", "", "application/json", "{\"generation\":0,\"timebankId\":\"*\"}",
                "rebuild-takes-nothing");
        rebuild("a rebuild sent a JSON array", "", "application/json", "[]", "rebuild-takes-nothing");
        rebuild("a rebuild sent broken JSON", "", "application/json", "{", "rebuild-takes-nothing", "unreadable-request");
        rebuild("a rebuild sent bytes", "", "application/octet-stream", "\u0000\u0001", "rebuild-takes-nothing",
                "media-type-not-supported");
        rebuild("a rebuild with an option", "?generation=0", null, null, "rebuild-takes-nothing");
        rebuild("a rebuild with operator parameters", "?" + enc("$where") + "=1&" + enc("__proto__[x]") + "=1", null, null,
                "rebuild-takes-nothing");
    }

    @Test
    void hostileReviewRequestsAreRefusedInTheReadersWordsAndChangeNothing() {
        seed();
        cases();
        String staff = SharedInfrastructure.get().tokens().token("fuzz-staff", tb, "STAFF");
        String admin = SharedInfrastructure.get().tokens().token("fuzz-admin", tb, "ADMIN");
        ApiClient api = new ApiClient("http://localhost:" + port);
        Map<String, Object> before = settled(staff);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Hostile each : hostile) {
            String token = each.method().equals("GET") ? staff : admin;
            Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
            for (String language : List.of("en", "fr")) {
                Map<String, String> headers = new LinkedHashMap<>(each.headers());
                headers.put("Accept-Language", language);
                try {
                    answers.put(language, api.send(each.method(), each.target(), token, headers, each.body()));
                } catch (RuntimeException e) {
                    failures.add(each + ": no answer: " + e.getMessage());
                }
            }
            if (answers.size() == 2) {
                String failure = judge(each, answers.get("en"), answers.get("fr"));
                if (failure != null) {
                    failures.add(each + ": " + failure);
                } else if (answers.get("en").status() >= 400) {
                    refused++;
                }
            }
        }
        Map<String, Object> after = state(staff);
        System.out.println("Review fuzzing: " + hostile.size() + " hostile requests, each in English and French; "
                + refused + " refused, " + failures.size() + " failures");
        assertThat(failures).as("hostile requests answered other than as a problem in the reader's words").isEmpty();
        assertThat(after).as("the figures, the projections' generation and the service's collections").isEqualTo(before);
    }

    /** Null when the answers in English and French are what {@code each} must get, else what is wrong. */
    private static String judge(Hostile each, ApiClient.Response en, ApiClient.Response fr) {
        for (ApiClient.Response answer : List.of(en, fr)) {
            if (answer.status() >= 500 || answer.status() < 200 || (answer.status() >= 300 && answer.status() < 400)) {
                return "answered " + answer.status() + " " + abbreviated(answer.body());
            }
            if (answer.status() / 100 == 2) {
                if (each.refused()) {
                    return "accepted: " + answer.status() + " " + abbreviated(answer.body());
                }
                if (answer.contentType().startsWith("text/csv")) {
                    String formula = formulaCell(answer.body());
                    if (formula != null) {
                        return "a CSV cell a spreadsheet would run: " + formula;
                    }
                }
                continue;
            }
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "answered " + answer.status() + " as " + answer.contentType() + ", not a problem detail: "
                        + abbreviated(answer.body());
            }
            JsonNode problem = answer.json();
            String code = problem.path("code").asString("");
            if (code.isBlank() || problem.path("title").asString("").isBlank()
                    || problem.path("detail").asString("").isBlank()) {
                return "a problem without its code, title or words: " + abbreviated(answer.body());
            }
            if (!each.codes().isEmpty() && !each.codes().contains(code)) {
                return "answered " + answer.status() + " " + code + " where " + each.codes() + " was expected: "
                        + problem.path("detail").asString();
            }
            String detail = problem.path("detail").asString();
            if (detail.contains("{") && detail.matches(".*\\{[a-z]+}.*")) {
                return "words with a parameter left unfilled: " + detail;
            }
            if (UNREADABLE.matcher(detail).find()) {
                return "words that quote back characters a reader cannot see or that turn text around: " + detail;
            }
        }
        if (en.status() != fr.status() || !java.util.Objects.equals(en.code(), fr.code())) {
            return "English and French disagree: " + en.status() + " " + en.code() + " / " + fr.status() + " " + fr.code();
        }
        if (each.unread()) {
            return null;
        }
        if (en.status() >= 400 && en.text("detail").equals(fr.text("detail"))) {
            return "the same words in English and French: " + en.text("detail");
        }
        if (en.status() >= 400 && en.text("title").equals(fr.text("title"))) {
            return "the same title in English and French: " + en.text("title");
        }
        return null;
    }

    /** Control and format characters (a right-to-left override) and a half of a surrogate pair. */
    private static final Pattern UNREADABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");

    /** The first CSV cell that starts as a formula and is not one of our numbers; null when none does. */
    private static String formulaCell(String csv) {
        for (String line : csv.split("\r?\n")) {
            for (String cell : line.split(",")) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
                    return cell;
                }
            }
        }
        return null;
    }

    // ---- the timebank the requests are about, and what must not change

    private void seed() {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        Instant at = LocalDate.of(2026, 10, 5).atTime(10, 0).toInstant(ZoneOffset.UTC);
        List<DomainEvent> events = new ArrayList<>();
        events.add(member("m-formula", FORMULA, MemberKind.SERVICE_USER, at));
        events.add(member("m-plus", "+1+1", MemberKind.STAFF, at));
        events.add(member("m-at", "@SUM(A1:A9)", MemberKind.CARER, at));
        events.add(member("m-unicode", "Zo\u00eb \u540d\u524d \ud83c\udf31 \u202eevil", MemberKind.NEIGHBOUR, at));
        events.add(new ContributionLogged(UUID.randomUUID(), at, tb, "c-1", "m-formula", "m-plus", LoggedBy.GIVER,
                "m-formula", null, "m-plus", 90, LocalDate.of(2026, 10, 5), CoproductionKind.TRAINING_CO_DELIVERED,
                "-2+3 a note", null, null, at.plus(Duration.ofDays(21))));
        Instant validated = at.plus(Duration.ofHours(2));
        events.add(new ContributionValidated(UUID.randomUUID(), validated, tb, "c-1", "m-plus", "m-formula", "m-plus", 90,
                "thanks", null, "t-c-1"));
        events.add(new TransferPosted(UUID.randomUUID(), validated, tb, "t-c-1", "m-plus", "m-formula", 90,
                TransferReason.CONTRIBUTION, -90, 90, "c-1", null, 1, "hash-1"));
        events.forEach(event -> TopicProbe.send(bootstrap, event));
        String staff = SharedInfrastructure.get().tokens().token("fuzz-staff", tb, "STAFF");
        ApiClient api = new ApiClient("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode review = api.get(review("/members?from=2026-10"), staff).json();
            assertThat(review.path("total").asInt()).isEqualTo(4);
            assertThat(api.get(review("/parity?from=2026-10"), staff).json().path("totalMinutes").asLong()).isEqualTo(90);
        });
    }

    private DomainEvent member(String id, String name, MemberKind kind, Instant at) {
        return Details.recorded(tb, id, name, kind, at);
    }

    /**
     * The state once two reads a second apart agree: a rebuild another test started (the matrix's ADMIN
     * is let in to one) replays the topics, this timebank's events among them, for a while after it answered.
     */
    private Map<String, Object> settled(String staff) {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, Object> now = state(staff);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** The timebank's figures as the review answers them, the projections' generation, the service's own collections. */
    private Map<String, Object> state(String staff) {
        ApiClient api = new ApiClient("http://localhost:" + port);
        Map<String, Object> state = new LinkedHashMap<>();
        for (String page : List.of("/members?from=2026-10&to=2026-11", "/members.csv?from=2026-10", "/parity?from=2026-10",
                "/indicators?from=2026-10", "/indicators/" + ReviewMatrixFixtures.INDICATOR + "/contributions?from=2026-10")) {
            ApiClient.Response answer = api.get(review(page), staff);
            state.put(page, answer.status() + " " + answer.body());
        }
        Document generation = mongo.getDb().getCollection("review_state").find().first();
        state.put("review_state", generation == null ? null : generation.toJson());
        for (String name : mongo.getDb().listCollectionNames()) {
            if (!new Projections().contains(name)) {
                state.put(name, mongo.getDb().getCollection(name).countDocuments());
            }
        }
        return state;
    }

    /**
     * The projections' collections ({@code g<n>_members}…): they fill from the broker on their own, and a
     * rebuild another test started replays the topics into them; what a refused request must not change
     * there is seen in the figures and in {@code review_state}'s generation instead.
     */
    static final class Projections extends AbstractSet<String> {
        private static final Pattern GENERATION = Pattern.compile("g\\d+_.*");

        @Override
        public boolean contains(Object name) {
            return name instanceof String text && GENERATION.matcher(text).matches();
        }

        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "…(" + text.length() + " chars)" : flat;
    }
}
