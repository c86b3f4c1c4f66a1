package org.reciprocity.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.HoursGifted;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A scripted November through the real broker: contributions of every kind between every member
 * kind and an organisation, a member whose kind changes mid-month, a reversal, a gift, a waiting
 * and a long-waiting contribution. The events are sent out of order across the topics (the ledger's
 * first, the members' last) and some twice. The figures expected are worked out by hand below.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "reciprocity.review.much-minutes=120")
class ScriptedMonthIT {

    @LocalServerPort
    int port;

    String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
    String tb;
    ApiClient api;
    String staff;

    final List<DomainEvent> members = new ArrayList<>();
    final List<DomainEvent> contributions = new ArrayList<>();
    final List<DomainEvent> ledger = new ArrayList<>();
    final Map<String, Long> balances = new HashMap<>();
    long sequence;

    // the people: three service users (Cleo joins the staff on 20 November), staff, a carer, a neighbour, the trust
    static final String AVA = "ava", BEN = "ben", CLEO = "cleo", DANA = "dana", EVE = "eve", FINN = "finn";
    static final String TRUST = "org-trust";

    @BeforeEach
    void setUp() {
        tb = "tb-" + UUID.randomUUID().toString().substring(0, 8);
        api = new ApiClient("http://localhost:" + port);
        staff = SharedInfrastructure.get().tokens().token("reviewer", tb, "STAFF");
    }

    @Test
    void aScriptedMonthGivesTheIndicatorsAndTheParityWorkedOutByHand() throws Exception {
        month();

        // parity, giver → receiver, in minutes: every figure below is counted from the script by hand
        String parityPath = "/api/v1/timebanks/" + tb + "/review/parity?from=2026-11";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get(parityPath, staff).json().path("totalMinutes").asLong()).isEqualTo(840));
        // wait for the last member event too (Cleo's change of kind) before reading the kinds
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get(parityPath, staff).json().path("matrix").path("STAFF").path("CARER").asLong()).isEqualTo(40));
        JsonNode matrix = api.get(parityPath, staff).json().path("matrix");
        assertThat(cell(matrix, "SERVICE_USER", "STAFF")).isEqualTo(60 + 90);        // goals with Dana; Cleo's leaflet, before she joined the staff
        assertThat(cell(matrix, "SERVICE_USER", "ORGANISATION")).isEqualTo(120 + 120 + 30 + 180); // training, the forum, the board
        assertThat(cell(matrix, "CARER", "ORGANISATION")).isEqualTo(45);
        assertThat(cell(matrix, "NEIGHBOUR", "ORGANISATION")).isEqualTo(30);
        assertThat(cell(matrix, "STAFF", "SERVICE_USER")).isEqualTo(75);
        assertThat(cell(matrix, "NEIGHBOUR", "SERVICE_USER")).isEqualTo(50);
        assertThat(cell(matrix, "STAFF", "CARER")).isEqualTo(40);                    // Cleo, staff by then
        assertThat(cell(matrix, "CARER", "NEIGHBOUR")).isZero();                     // 25 given, then reversed
        assertThat(cell(matrix, "SERVICE_USER", "SERVICE_USER")).isZero();
        JsonNode share = api.get(parityPath, staff).json().path("serviceUsers");
        assertThat(share.path("givenMinutes").asLong()).isEqualTo(600);
        assertThat(share.path("receivedMinutes").asLong()).isEqualTo(75);
        assertThat(share.path("givenPercent").asInt()).isEqualTo(89);                // 600 / 675
        JsonNode trend = api.get(parityPath, staff).json().path("trend");
        assertThat(trend).hasSize(1);
        assertThat(trend.get(0).path("month").asString()).isEqualTo("2026-11");

        // the seven indicators: met, contributions, people, minutes, service users
        JsonNode indicators = api.get("/api/v1/timebanks/" + tb + "/review/indicators?from=2026-11&to=2026-11", staff)
                .json().path("indicators");
        assertThat(indicators).hasSize(7);
        expect(indicators, "GOALS_JOINTLY_SET", "INDIVIDUAL", true, 1, 2, 60, 1);
        expect(indicators, "TRAINING_CO_DELIVERED", "OPERATIONAL", true, 2, 2, 240, 2);
        expect(indicators, "TRAINING_CONTRIBUTED", "OPERATIONAL", false, 1, 1, 45, 0);      // only Eve, a carer
        expect(indicators, "OFFICIAL_INFORMATION", "OPERATIONAL", true, 1, 2, 90, 1);       // Ben's is still waiting
        expect(indicators, "INVOLVEMENT_MEETING", "OPERATIONAL", true, 2, 2, 60, 1);
        expect(indicators, "SERVICE_CO_DESIGNED", "STRATEGIC", true, 1, 2, 75, 1);
        expect(indicators, "GOVERNING_BODY", "STRATEGIC", false, 1, 1, 180, 1);             // one service user is not several

        // the drill-down: ids, kinds and dates, no words
        ApiClient.Response behind = api.get("/api/v1/timebanks/" + tb
                + "/review/indicators/training-co-delivered/contributions?from=2026-11", staff);
        assertThat(behind.status()).isEqualTo(200);
        assertThat(behind.json()).hasSize(2);
        assertThat(behind.json().get(0).path("contributionId").asString()).isEqualTo("c2a");
        assertThat(behind.json().get(0).path("happenedOn").asString()).isEqualTo("2026-11-05");
        assertThat(behind.json().get(0).path("minutes").asLong()).isEqualTo(120);
        assertThat(behind.json().get(0).path("groupActivity").asBoolean()).isTrue();
        assertThat(behind.body()).doesNotContain("a personal note");

        // the review: Ava gave 60 + 120 + 180 and received 75; her balance is past the warning
        JsonNode review = api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11&sort=given&direction=desc",
                staff).json();
        assertThat(review.path("total").asInt()).isEqualTo(6);
        JsonNode ava = review.path("rows").get(0);
        assertThat(ava.path("memberId").asString()).isEqualTo(AVA);
        assertThat(ava.path("givenMinutes").asLong()).isEqualTo(360);
        assertThat(ava.path("receivedMinutes").asLong()).isEqualTo(75);
        assertThat(ava.path("reciprocityPercent").asInt()).isEqualTo(83);   // 360 / 435
        assertThat(ava.path("balanceMinutes").asLong()).isEqualTo(360 - 75 + 20);
        assertThat(ava.path("waitingValidations").asInt()).isEqualTo(1);   // her 20 minutes with Finn since 2 November
        assertThat(texts(ava.path("flags"))).containsExactlyInAnyOrder("NEAR_LIMIT", "LONG_WAIT_FOR_VALIDATION");
        JsonNode cleo = row(review, CLEO);
        assertThat(cleo.path("kind").asString()).isEqualTo("STAFF");
        assertThat(cleo.path("givenMinutes").asLong()).isEqualTo(130);
        assertThat(texts(cleo.path("flags"))).containsExactly("GAVE_MUCH_NEVER_RECEIVED");
        JsonNode dana = row(review, DANA);
        assertThat(dana.path("receivedMinutes").asLong()).isEqualTo(150);
        assertThat(dana.path("waitingValidations").asInt()).isEqualTo(1);  // Ben's leaflet, asked of her

        // filters: service users now (Cleo is staff now); those who gave to or received from the trust
        assertThat(api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11&kind=service-user", staff).json()
                .path("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11&organisation=" + TRUST, staff).json()
                .path("total").asInt()).isEqualTo(4);
        JsonNode page = api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11&sort=name&size=4&page=1", staff)
                .json();
        assertThat(page.path("rows")).hasSize(2);

        // CSV: Finn's name starts with '@', which a spreadsheet would take for a formula
        ApiClient.Response csv = api.get("/api/v1/timebanks/" + tb + "/review/members.csv?from=2026-11", staff);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("member_id,name,kind,").contains("finn,'@Finn,NEIGHBOUR,");
        assertThat(api.get("/api/v1/timebanks/" + tb + "/review/parity.csv?from=2026-11", staff).body())
                .contains("SERVICE_USER,0,150,0,0,450");

        // who may read: staff, coordinators and admins of this timebank; not a member, not another timebank's staff
        String path = "/api/v1/timebanks/" + tb + "/review/indicators?from=2026-11";
        assertThat(api.get(path, SharedInfrastructure.get().tokens().token("c1", tb, "COORDINATOR")).status()).isEqualTo(200);
        assertThat(api.get(path, SharedInfrastructure.get().tokens().token(AVA, tb, "MEMBER")).status()).isEqualTo(403);
        assertThat(api.get(path, SharedInfrastructure.get().tokens().token("x", "tb-other", "STAFF")).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-13", staff).code())
                .isEqualTo("not-a-month");

        // a rebuild from the start of the topics gives the same figures
        String before = api.get(path, staff).body();
        String beforeReview = api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11", staff).body();
        assertThat(api.post("/api/v1/timebanks/" + tb + "/review/rebuild", staff, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/timebanks/" + tb + "/review/rebuild",
                SharedInfrastructure.get().tokens().token("admin", tb, "ADMIN"), null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(api.get(path, staff).body()).isEqualTo(before);
            assertThat(api.get("/api/v1/timebanks/" + tb + "/review/members?from=2026-11", staff).body())
                    .isEqualTo(beforeReview);
        });
    }

    private void month() {
        register(AVA, "Ava", MemberKind.SERVICE_USER, day(1));
        register(BEN, "Ben", MemberKind.SERVICE_USER, day(1));
        register(CLEO, "Cleo", MemberKind.SERVICE_USER, day(1));
        register(DANA, "Dana", MemberKind.STAFF, day(1));
        register(EVE, "Eve", MemberKind.CARER, day(1));
        register(FINN, "@Finn", MemberKind.NEIGHBOUR, day(1));

        logged("c13", AVA, FINN, 20, CoproductionKind.PEER_SUPPORT, 2, null);                 // never validated: a long wait
        validated("c1", AVA, DANA, 60, CoproductionKind.GOALS_JOINTLY_SET, 3, null);
        validated("c2a", AVA, TRUST, 120, CoproductionKind.TRAINING_CO_DELIVERED, 5, "training-1");
        validated("c2b", BEN, TRUST, 120, CoproductionKind.TRAINING_CO_DELIVERED, 5, "training-1");
        validated("c3", EVE, TRUST, 45, CoproductionKind.TRAINING_CONTRIBUTED, 6, null);
        validated("c4", CLEO, DANA, 90, CoproductionKind.OFFICIAL_INFORMATION, 10, null);
        validated("c5a", BEN, TRUST, 30, CoproductionKind.INVOLVEMENT_MEETING, 12, "forum-1");
        validated("c5b", FINN, TRUST, 30, CoproductionKind.INVOLVEMENT_MEETING, 12, "forum-1");
        validated("c6", DANA, AVA, 75, CoproductionKind.SERVICE_CO_DESIGNED, 14, null);
        validated("c7", AVA, TRUST, 180, CoproductionKind.GOVERNING_BODY, 18, null);
        ledger.add(new SoftLimitCrossed(UUID.randomUUID(), day(18).plusSeconds(1), tb, AVA, 285, 240, 480, "HIGH"));
        validated("c8", FINN, BEN, 50, CoproductionKind.PEER_SUPPORT, 19, null);
        members.add(new MemberDetailsChanged(UUID.randomUUID(), day(20), tb, CLEO, null, null, null, null, 1,
                "coordinator"));
        members.add(Details.changed(cleo, MemberKind.STAFF, day(20)));
        validated("c9", CLEO, EVE, 40, CoproductionKind.PRACTICAL_HELP, 22, null);
        TransferPosted social = validated("c10", EVE, FINN, 25, CoproductionKind.SOCIAL_ACTIVITY, 24, null);
        post("r-c10", FINN, EVE, 25, TransferReason.REVERSAL, null, social.transferId(), day(26));
        ledger.add(new TransferReversed(UUID.randomUUID(), day(26), tb, "r-c10", social.transferId(), "coordinator",
                "logged twice", 25));
        logged("c11", BEN, DANA, 15, CoproductionKind.OFFICIAL_INFORMATION, 27, null);       // still waiting
        ledger.add(new HoursGifted(UUID.randomUUID(), day(28), tb, "g1", FINN, AVA, 20, "thank you"));
        post("g1", FINN, AVA, 20, TransferReason.GIFT, null, null, day(28));

        // the ledger's topic first, the members' last; a few records twice, contributions shuffled across partitions
        Random random = new Random(11);
        List<DomainEvent> shuffled = new ArrayList<>(contributions);
        Collections.shuffle(shuffled, random);
        for (List<DomainEvent> topic : List.of(ledger, shuffled, members)) {
            for (DomainEvent event : topic) {
                TopicProbe.send(bootstrap, event);
                if (random.nextInt(3) == 0) {
                    TopicProbe.send(bootstrap, event);
                }
            }
        }
    }

    private static Instant day(int day) {
        return LocalDate.of(2026, 11, day).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    private MemberDetailsRecorded cleo;

    /** As the ledger publishes it now: the register's event without name or kind, the details record with both. */
    private void register(String id, String name, MemberKind kind, Instant at) {
        members.add(new MemberRegistered(UUID.randomUUID(), at, tb, id, null, null, null, null, List.of("MEMBER"),
                "coordinator"));
        MemberDetailsRecorded details = Details.recorded(tb, id, name, kind, at);
        members.add(details);
        if (id.equals(CLEO)) {
            cleo = details;
        }
    }

    private void logged(String id, String giver, String receiver, long minutes, CoproductionKind kind, int day,
                        String activity) {
        contributions.add(new ContributionLogged(UUID.randomUUID(), day(day), tb, id, giver, receiver, LoggedBy.GIVER,
                giver, null, receiver, minutes, LocalDate.of(2026, 11, day), kind, "a personal note", null, activity,
                day(day).plus(Duration.ofDays(21))));
    }

    private TransferPosted validated(String id, String giver, String receiver, long minutes, CoproductionKind kind,
                                     int day, String activity) {
        logged(id, giver, receiver, minutes, kind, day, activity);
        Instant at = day(day).plus(Duration.ofHours(2));
        contributions.add(new ContributionValidated(UUID.randomUUID(), at, tb, id, receiver, giver, receiver, minutes,
                "thanks", null, "t-" + id));
        return post("t-" + id, receiver, giver, minutes, TransferReason.CONTRIBUTION, id, null, at);
    }

    private TransferPosted post(String transferId, String debit, String credit, long minutes, TransferReason reason,
                                String contributionId, String reverses, Instant at) {
        sequence++;
        TransferPosted posted = new TransferPosted(UUID.randomUUID(), at, tb, transferId, debit, credit, minutes, reason,
                balances.merge(debit, -minutes, Long::sum), balances.merge(credit, minutes, Long::sum), contributionId,
                reverses, sequence, "hash-" + sequence);
        ledger.add(posted);
        return posted;
    }

    private static long cell(JsonNode matrix, String giver, String receiver) {
        return matrix.path(giver).path(receiver).asLong();
    }

    private static void expect(JsonNode indicators, String kind, String level, boolean met, int contributions,
                               int people, long minutes, int serviceUsers) {
        JsonNode indicator = null;
        for (JsonNode i : indicators) {
            if (i.path("kind").asString().equals(kind)) {
                indicator = i;
            }
        }
        assertThat(indicator).as(kind).isNotNull();
        assertThat(indicator.path("level").asString()).isEqualTo(level);
        JsonNode figure = indicator.path("period");
        assertThat(List.of(figure.path("met").asBoolean(), figure.path("contributions").asInt(),
                figure.path("people").asInt(), figure.path("minutes").asLong(), figure.path("serviceUsers").asInt()))
                .as(kind + ": met, contributions, people, minutes, service users")
                .containsExactly(met, contributions, people, minutes, serviceUsers);
        assertThat(indicator.path("trend").get(0).path("figure")).isEqualTo(figure);
    }

    private static JsonNode row(JsonNode review, String memberId) {
        for (JsonNode row : review.path("rows")) {
            if (row.path("memberId").asString().equals(memberId)) {
                return row;
            }
        }
        throw new AssertionError(memberId + " is not on the page");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
