package org.reciprocity.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestTokens;
import org.reciprocity.testsupport.matrix.AuthorizationMatrix;
import org.reciprocity.testsupport.matrix.BadTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 17: who may read the review and who may rebuild it. Two views that must agree: the shared
 * matrix holds every operation of the OpenAPI document against the rule the service declares for
 * it (so a new endpoint is in it at once); the table below says, independently of that rule, what
 * each caller gets from each endpoint, so a rule changed by mistake (members let in to everyone's
 * hours) fails here. The table must have a line for every endpoint the running application maps,
 * in every form (JSON, CSV by {@code Accept}, CSV by {@code .csv}): a new endpoint fails the build
 * until someone writes down who may call it.
 */
@ServiceIntegrationTest
class ReviewAuthorizationMatrixIT {

    private static final String REVIEW = "/api/v1/timebanks/{timebankId}/review";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String ANY = "";

    /** Who calls: no token, each role of this timebank, an ADMIN of another, an ADMIN's token wrong in one way. */
    enum Caller {
        ANONYMOUS, MEMBER, COORDINATOR, STAFF, ADMIN, ADMIN_OF_ANOTHER_TIMEBANK,
        FORGED, OTHER_AUDIENCE, OTHER_ISSUER, EXPIRED
    }

    /** The review's pages: the timebank's staff, coordinators and admins read them; no member, nobody from elsewhere. */
    private static final Map<Caller, String> READERS = expect("200", "200", "200");
    /** Operations: the timebank's admins only. */
    private static Map<Caller, String> adminsOnly(String letIn) {
        return expect("403 not-permitted", "403 not-permitted", letIn);
    }

    /** The member themself (the table's path names the table's member) and admins. */
    private static Map<Caller, String> self() {
        Map<Caller, String> expected = expect("403 not-permitted", "403 not-permitted", "200");
        expected.put(Caller.MEMBER, "200");
        return expected;
    }

    private static Map<Caller, String> expect(String coordinator, String staff, String admin) {
        Map<Caller, String> expected = new LinkedHashMap<>();
        expected.put(Caller.ANONYMOUS, "401 not-signed-in");
        expected.put(Caller.MEMBER, "403 not-permitted");
        expected.put(Caller.COORDINATOR, coordinator);
        expected.put(Caller.STAFF, staff);
        expected.put(Caller.ADMIN, admin);
        expected.put(Caller.ADMIN_OF_ANOTHER_TIMEBANK, "403 signed-in-elsewhere");
        for (Caller bad : List.of(Caller.FORGED, Caller.OTHER_AUDIENCE, Caller.OTHER_ISSUER, Caller.EXPIRED)) {
            expected.put(bad, "401 not-signed-in");
        }
        return expected;
    }

    /** One endpoint in one form: method, path template, what it produces ("" for anything), and each caller's answer. */
    record Row(String method, String path, String produces, Map<Caller, String> expected) {
        String key() {
            return method + " " + path + " → " + (produces.isEmpty() ? "*/*" : produces);
        }
    }

    private static final List<Row> TABLE = List.of(
            new Row("GET", REVIEW + "/members", JSON, READERS),
            new Row("GET", REVIEW + "/members", CSV, READERS),
            new Row("GET", REVIEW + "/members.csv", CSV, READERS),
            new Row("GET", REVIEW + "/parity", JSON, READERS),
            new Row("GET", REVIEW + "/parity", CSV, READERS),
            new Row("GET", REVIEW + "/parity.csv", CSV, READERS),
            new Row("GET", REVIEW + "/parity/months", CSV, READERS),
            new Row("GET", REVIEW + "/parity/months.csv", CSV, READERS),
            new Row("GET", REVIEW + "/indicators", JSON, READERS),
            new Row("GET", REVIEW + "/indicators", CSV, READERS),
            new Row("GET", REVIEW + "/indicators.csv", CSV, READERS),
            new Row("GET", REVIEW + "/indicators/{indicator}/contributions", JSON, READERS),
            new Row("GET", REVIEW + "/indicators/{indicator}/contributions", CSV, READERS),
            new Row("GET", REVIEW + "/indicators/{indicator}/contributions.csv", CSV, READERS),
            new Row("POST", REVIEW + "/rebuild", ANY, adminsOnly("202")),
            // the whole timebank's download: its admins only (an unknown download is 404 to them alone)
            new Row("POST", REVIEW + "/exports", ANY, adminsOnly("202")),
            new Row("GET", REVIEW + "/exports", ANY, adminsOnly("200")),
            new Row("GET", REVIEW + "/exports/{exportId}", ANY, adminsOnly("404 not-an-export")),
            new Row("GET", REVIEW + "/exports/{exportId}/zip", "application/zip", adminsOnly("404 not-an-export")),
            new Row("GET", REVIEW + "/exports/{exportId}/zip", "application/problem+json", adminsOnly("404 not-an-export")),
            // right of access: what the review holds about the member, to them (SELF) and admins
            new Row("GET", "/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data", JSON, self()),
            // issue 18: who looked at the member here (the kit's), to them (SELF) and admins
            new Row("GET", "/api/v1/timebanks/{timebankId}/members/{memberId}/reads", ANY, self()),
            // the kit's list of this timebank's events the broker refused for good
            new Row("GET", "/api/v1/timebanks/{timebankId}/admin/parked-events", ANY, adminsOnly("200")));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointLetsInExactlyWhomItsAccessRuleNames() {
        new AuthorizationMatrix("review-service", new ApiClient("http://localhost:" + port), new ReviewMatrixFixtures())
                .verify();
    }

    @Test
    void everyEndpointTheApplicationMapsHasALineInTheTable() {
        Set<String> mapped = mappedEndpoints();
        Set<String> written = new TreeSet<>();
        TABLE.forEach(row -> written.add(row.key()));
        assertThat(mapped).as("endpoints the running application maps under /api/").isNotEmpty();
        assertThat(written).as("the table's lines: a new endpoint needs a line saying who may call it, and a line "
                + "for an endpoint that is gone must go").containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void eachCallerGetsFromEachEndpointWhatTheTableSays() {
        ReviewMatrixFixtures fixtures = new ReviewMatrixFixtures();
        String timebank = fixtures.timebank();
        Map<Caller, String> tokens = tokens(timebank);
        ApiClient api = new ApiClient("http://localhost:" + port);
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (Row row : TABLE) {
            String path = row.path().replace("{timebankId}", timebank)
                    .replace("{indicator}", ReviewMatrixFixtures.INDICATOR)
                    .replace("{exportId}", "no-such-download").replace("{memberId}", "table-member");
            for (Map.Entry<Caller, String> expected : row.expected().entrySet()) {
                cases++;
                ApiClient.Response answer = send(api, row, path, tokens.get(expected.getKey()));
                String got = answer.status() + (answer.status() / 100 == 2 ? "" : " " + answer.code());
                if (!got.equals(expected.getValue())) {
                    disagreements.add(row.key() + " as " + expected.getKey() + ": expected " + expected.getValue()
                            + ", got " + got + " " + abbreviated(answer.body()));
                } else if (answer.status() / 100 == 2 && !row.produces().isEmpty()
                        && !answer.contentType().startsWith(row.produces())) {
                    disagreements.add(row.key() + " as " + expected.getKey() + ": answered " + answer.contentType());
                }
            }
        }
        System.out.println("Review access table: " + TABLE.size() + " endpoints, " + cases + " cases, "
                + disagreements.size() + " disagreements");
        assertThat(disagreements).as("answers that disagree with the table").isEmpty();
    }

    private static ApiClient.Response send(ApiClient api, Row row, String path, String token) {
        Map<String, String> accept = row.produces().isEmpty() ? Map.of() : Map.of("Accept", row.produces());
        return api.send(row.method(), path, token, accept, null);
    }

    private static Map<Caller, String> tokens(String timebank) {
        TestTokens tokens = SharedInfrastructure.get().tokens();
        Map<String, String> bad = BadTokens.of(tokens, "table-admin", timebank, "ADMIN");
        Map<Caller, String> byCaller = new LinkedHashMap<>();
        byCaller.put(Caller.ANONYMOUS, null);
        byCaller.put(Caller.MEMBER, tokens.token("table-member", timebank, "MEMBER"));
        byCaller.put(Caller.COORDINATOR, tokens.token("table-coordinator", timebank, "COORDINATOR"));
        byCaller.put(Caller.STAFF, tokens.token("table-staff", timebank, "STAFF"));
        byCaller.put(Caller.ADMIN, tokens.token("table-admin", timebank, "ADMIN"));
        byCaller.put(Caller.ADMIN_OF_ANOTHER_TIMEBANK, tokens.token("table-admin", timebank + "-elsewhere", "ADMIN"));
        byCaller.put(Caller.FORGED, bad.get("a forged signature"));
        byCaller.put(Caller.OTHER_AUDIENCE, bad.get("another audience"));
        byCaller.put(Caller.OTHER_ISSUER, bad.get("another issuer"));
        byCaller.put(Caller.EXPIRED, bad.get("expired"));
        return byCaller;
    }

    /** Every (method, path, produces) our own controllers map under /api/, read from the running application. */
    private Set<String> mappedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getName().startsWith("org.reciprocity.")) {
                return;
            }
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("ANY METHOD");
            }
            Set<String> produces = new TreeSet<>();
            info.getProducesCondition().getProducibleMediaTypes().forEach(type -> produces.add(type.toString()));
            if (produces.isEmpty()) {
                produces.add(ANY);
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (String m : methods) {
                    for (String type : produces) {
                        endpoints.add(new Row(m, pattern, type, Map.of()).key());
                    }
                }
            }
        });
        return endpoints;
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
