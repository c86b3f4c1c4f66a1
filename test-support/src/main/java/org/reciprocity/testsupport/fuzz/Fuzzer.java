package org.reciprocity.testsupport.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.SharedInfrastructure;

import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11's fuzzing as a test: every operation of a running service's OpenAPI document is called
 * with hostile path variables, hostile query parameters and malformed, mistyped, oversized and
 * wrongly labelled bodies ({@link Cases}), by a caller the access policy lets in (ADMIN, COORDINATOR
 * and STAFF of the timebank, and the member the path names), so the input reaches the code that
 * reads it. Every answer must be a problem detail with a {@code code} when it is a 4xx, never a
 * 5xx; a clearly invalid input ({@link CaseClass#refused}) must be refused; and no refused request
 * may leave a document more in the service's database. All failures are collected and reported at
 * once, with the counts printed so a run shows what it covered.
 */
public final class Fuzzer {

    private static final String CALLER = "fuzz-caller";
    private static final int SHOWN = 150;

    private final String service;
    private final String baseUrl;
    private final String timebank;
    private final DocumentCounts counts;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Map<String, String> known = new java.util.LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run covered and what went wrong. */
    public record Result(String service, int endpoints, int cases, Map<CaseClass, Integer> byClass, int accepted,
                         Duration took, List<String> failures, List<String> notes) {

        public String summary() {
            return "Fuzzing (" + service + "): " + endpoints + " endpoints, " + cases + " cases, " + failures.size()
                    + " failures, in " + String.format("%.1f s", took.toMillis() / 1000.0);
        }
    }

    /**
     * @param database the service's own database, counted before and after each case
     * @param ignoredCollections collections that change without a request (leases, consumers' offsets)
     */
    public Fuzzer(String service, int port, String timebank, MongoDatabase database, Set<String> ignoredCollections) {
        this.service = service;
        this.baseUrl = "http://localhost:" + port;
        this.timebank = timebank;
        this.counts = new DocumentCounts(database, ignoredCollections);
        pathValues.put(FuzzOperation.TIMEBANK, timebank);
        pathValues.put("memberId", CALLER);
        pathValues.put("accountId", CALLER);
    }

    /** The caller's own id, which the fuzzer puts in {@code {memberId}} and {@code {accountId}}. */
    public static String caller() {
        return CALLER;
    }

    /** A value for a path variable in the plausible requests (otherwise {@code fuzz-<name>}). */
    public Fuzzer with(String variable, String value) {
        pathValues.put(variable, value);
        return this;
    }

    /**
     * A finding already reported and not yet fixed: failures of cases whose description (method, path, class, what) contains
     * {@code what} are printed as known, with {@code why}, instead of failing the run. Remove the
     * line when the fix lands, so the fuzzer guards it from then on.
     */
    public Fuzzer knownFinding(String what, String why) {
        known.put(what, why);
        return this;
    }

    /** Runs every case, prints what it covered, and fails with every failure if there is any. */
    public Result verify() {
        Result result = run();
        System.out.println(result.summary() + "; by class " + result.byClass() + "; " + result.accepted()
                + " hostile-but-possibly-valid inputs accepted");
        result.notes().forEach(note -> System.out.println("  note: " + note));
        if (!result.failures().isEmpty()) {
            List<String> shown = result.failures().subList(0, Math.min(SHOWN, result.failures().size()));
            throw new AssertionError(result.summary() + ":\n  - " + String.join("\n  - ", shown)
                    + (result.failures().size() > SHOWN ? "\n  … and " + (result.failures().size() - SHOWN) + " more" : ""));
        }
        return result;
    }

    public Result run() {
        long started = System.nanoTime();
        String token = SharedInfrastructure.get().tokens().token(CALLER, timebank, "ADMIN", "COORDINATOR", "STAFF");
        OpenApiDocument.Read document = OpenApiDocument.read(new ApiClient(baseUrl), token);
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<CaseClass, Integer> byClass = new EnumMap<>(CaseClass.class);
        int accepted = 0;
        int total = 0;
        if (document.operations().isEmpty()) {
            failures.add("the OpenAPI document has no operation under /api/");
        }
        for (FuzzOperation operation : document.operations()) {
            List<FuzzCase> cases = Cases.of(operation, document.schemas(), pathValues);
            boolean reachesBody = reachesBody(operation, document.schemas(), token, notes);
            Map<String, Long> before = counts.now();
            for (FuzzCase each : cases) {
                total++;
                byClass.merge(each.kind(), 1, Integer::sum);
                Answer answer;
                try {
                    answer = send(each, token);
                } catch (RuntimeException e) {
                    failures.add(each + ": no answer: " + e.getMessage());
                    continue;
                }
                Map<String, Long> after = counts.now();
                String failure = judge(each, answer, reachesBody, DocumentCounts.grown(before, after));
                String knownAs = failure == null ? null : knownAs(each);
                if (knownAs != null) {
                    notes.add("KNOWN FINDING, not yet fixed (" + knownAs + "): " + each + " → " + answer.status());
                } else if (failure != null) {
                    failures.add(each + ": " + failure + " — " + each.operation().method() + " " + shorten(each.target(), 160));
                } else if (answer.status() / 100 == 2) {
                    accepted++;
                    if (!each.operation().method().equals("GET")) {
                        notes.add("accepted, as it may be valid: " + each + " → " + answer.status());
                    }
                }
                before = after;
            }
        }
        return new Result(service, document.operations().size(), total, byClass, accepted,
                Duration.ofNanos(System.nanoTime() - started), failures, notes);
    }

    private String knownAs(FuzzCase each) {
        for (Map.Entry<String, String> finding : known.entrySet()) {
            if (each.toString().contains(finding.getKey())) {
                return finding.getValue();
            }
        }
        return null;
    }

    /**
     * Whether the plausible request gets past the access policy, so a body's own faults are what the
     * answer is about; when it does not (a rule only a party or an organisation's staff passes), any
     * 4xx problem will do for the body's cases.
     */
    private boolean reachesBody(FuzzOperation operation, Schemas schemas, String token, List<String> notes) {
        if (!operation.takesBody()) {
            return false;
        }
        // a path no controller would find: only the kit's filters and interceptors answer
        Map<String, String> path = new HashMap<>();
        operation.variables().forEach(v -> path.put(v, Cases.encode(pathValues.getOrDefault(v, "fuzz-" + v))));
        FuzzCase probe = new FuzzCase(operation, CaseClass.WRONG_SHAPE, "probe", operation.fill(path), "application/json",
                "[]".getBytes(StandardCharsets.UTF_8), false);
        Answer answer = send(probe, token);
        boolean reached = answer.status() != 401 && answer.status() != 403;
        if (!reached) {
            notes.add(operation + ": the fuzzer's caller is not let in (" + answer.status() + " " + answer.code()
                    + "), so its bodies are judged as any refusal, not as 400");
        }
        return reached;
    }

    private static String judge(FuzzCase each, Answer answer, boolean reachesBody, List<String> grown) {
        int status = answer.status();
        if (status >= 500) {
            return "answered " + status + " " + answer.describe();
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            return "answered " + status + " " + answer.describe();
        }
        if (status < 300) {
            return each.kind().refused ? "accepted clearly invalid input: " + status + " " + answer.describe() : null;
        }
        if (answer.code() == null) {
            return "answered " + status + " without a problem detail and its code: " + answer.describe();
        }
        if (!grown.isEmpty()) {
            return "refused with " + status + " " + answer.code() + " but wrote " + grown;
        }
        if (reachesBody && !each.kind().statuses.isEmpty() && !each.kind().statuses.contains(status)
                && each.kind() != CaseClass.HOSTILE_PATH) {
            return "answered " + status + " " + answer.code() + " where " + each.kind().statuses + " was expected";
        }
        return null;
    }

    /** An answer: its status, content type and body, and the problem's code when it is a problem detail. */
    private record Answer(int status, String contentType, String body) {
        String code() {
            if (!contentType.startsWith("application/problem+json")) {
                return null;
            }
            try {
                JsonNode json = EventJson.mapper().readTree(body);
                String code = json.path("code").asString("");
                return code.isBlank() ? null : code;
            } catch (RuntimeException e) {
                return null;
            }
        }

        String describe() {
            return "(" + (contentType.isEmpty() ? "no content type" : contentType) + ") " + shorten(body, 200);
        }
    }

    private Answer send(FuzzCase each, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + each.target()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (each.contentType() != null) {
            request.header("Content-Type", each.contentType());
        }
        HttpRequest.BodyPublisher body = each.body() == null ? HttpRequest.BodyPublishers.noBody()
                : each.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(each.body()))
                : HttpRequest.BodyPublishers.ofByteArray(each.body());
        request.method(each.operation().method(), body);
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream in = response.body()) {
                // a live stream stays open: its status and type say enough, and its body never ends
                String text = contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "…(" + text.length() + " chars)" : flat;
    }
}
