package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.profile.MemberPaused;
import org.reciprocity.kit.outbox.OutboxEntry;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestClock;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Each scheduled job of the ledger, run the way {@code @Scheduled} runs it, against the embedded
 * store (mongo-java-server over the wire): its reads find what they must, and ask only for what
 * mongo-java-server and MongoDB answer alike (whole documents or whole top-level fields). A new
 * {@code @Scheduled} job fails the first test until it gets a contract here.
 */
@ServiceIntegrationTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = TestClock.QUICK_OUTBOX_SCANS)
class SchedulerQueriesIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void everyScheduledJobOfTheLedgerHasAContractHere() {
        assertThat(jobs().keySet()).containsExactlyInAnyOrder("ContributionDeadlines.check", "ReservationCheck.check",
                "Bookkeeping.releaseIdleLeases", "OutboxRelay.sweep", "Bookkeeping.publishLeftovers", "CheckpointSchedule.check",
                "VerificationSchedule.check", "DetailsSweep.scheduled", "LeftMembersRetention.daily",
                "ReadLogRetention.daily");
    }

    /**
     * The jobs whose queries other suites specify in depth against this same embedded store
     * (OrderAcrossInstancesIT for the leftovers, CheckpointScheduleIT for checkpoints,
     * ChainVerificationScheduleIT for verifications): here, that
     * each runs against it as the scheduler runs it.
     */
    @Test
    void theLeftoversSweepAndTheCheckpointScheduleRunAgainstTheEmbeddedStore() {
        LedgerFixture given = new LedgerFixture(port);
        given.logGiven(given.aMember("Sam"), given.aMember("Ali"), 30);

        run("Bookkeeping.publishLeftovers");
        run("CheckpointSchedule.check");
        run("VerificationSchedule.check"); // ChainVerificationScheduleIT runs it by the scheduler

        assertThat(mongo.getCollection("ledger_verifications").find(new Document("_id", given.timebank)).first())
                .as("the timebank's chain verified").isNotNull();
    }

    /** The kit's job on "who looked" (every service runs it): as the scheduler runs it, on this store. */
    @Test
    void theLooksRetentionRemovesMonthsPastTheTwoYearsAndKeepsTheRest() {
        String member = "schedq-" + UUID.randomUUID();
        java.time.YearMonth now = java.time.YearMonth.from(clock.instant().atZone(java.time.ZoneOffset.UTC));
        String old = now.minusMonths(org.reciprocity.kit.access.ReadLog.MONTHS_KEPT + 1).toString();
        String kept = now.minusMonths(org.reciprocity.kit.access.ReadLog.MONTHS_KEPT).toString();
        for (String month : List.of(old, kept)) {
            mongo.getCollection("sensitive_reads").insertOne(new Document("_id", "tb/" + member + "/" + month)
                    .append("timebankId", "tb").append("memberId", member).append("month", month)
                    .append("reads", List.of()));
        }

        run("ReadLogRetention.daily");

        assertThat(mongo.getCollection("sensitive_reads").find(new Document("memberId", member))
                .map(d -> d.getString("month")).into(new ArrayList<>())).containsExactly(kept);
    }

    @Test
    void theDeadlineCheckReadsWholeContributionsAndExpiresAnOverdueOne() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        String ali = given.aMember("Ali");
        String id = given.logGiven(sam, ali, 45).text("id");
        // what the job asks for (the top-level field "contribution", whole) is what a whole read gives
        Query logged = Query.query(Criteria.where("state").is("LOGGED").and("_id").is(given.timebank + "/" + id));
        Document whole = mongo.findOne(logged, Document.class, "contributions");
        logged.fields().include("contribution");
        Document projected = mongo.findOne(logged, Document.class, "contributions");
        assertThat(projected.get("contribution")).isEqualTo(whole.get("contribution"));
        // why reading fields by hand failed: the mapping stores the contribution's id as _id
        assertThat(whole.get("contribution", Document.class)).containsKey("_id").doesNotContainKey("id");

        clock.moveTo(Instant.now().plus(Duration.ofDays(15)));
        run("ContributionDeadlines.check");

        assertThat(given.api.get(given.path("/contributions/" + id), given.admin()).text("state")).isEqualTo("EXPIRED");
    }

    @Test
    void theReservationCheckFindsEveryTimebankAndGivesBackAReservationNothingExplains() {
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        given.logGiven(sam, given.aMember("Ali"), 30);
        mongo.getCollection("accounts").updateOne(new Document("_id", sam),
                new Document("$inc", new Document("creditsPending", 45L)));

        run("ReservationCheck.check");

        assertThat(given.api.get(given.path("/accounts/" + sam), given.admin()).json().path("creditsPending").asLong())
                .isEqualTo(30);
    }

    @Test
    void theLeaseHandoffFindsAnotherInstanceWaitingAndGivesTheLeaseBack() {
        LedgerFixture given = new LedgerFixture(port);
        given.logGiven(given.aMember("Sam"), given.aMember("Ali"), 30); // a ledger write: this instance holds the lease
        Document lease = mongo.getCollection("ledger_leases").find(new Document("_id", "ledger-writer:" + given.timebank)).first();
        assertThat(lease.getDate("lockUntil")).isAfter(new Date());
        mongo.getCollection("ledger_lease_wants").replaceOne(new Document("_id", given.timebank),
                new Document("_id", given.timebank).append("at", new Date()).append("by", "another-instance"),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));

        run("Bookkeeping.releaseIdleLeases");

        lease = mongo.getCollection("ledger_leases").find(new Document("_id", "ledger-writer:" + given.timebank)).first();
        assertThat(lease.getDate("lockUntil")).as("given back to the waiting instance").isBeforeOrEqualTo(new Date());
    }

    @Test
    void theOutboxSweepFindsWhatAWriterLeftBehindAndPublishesIt() {
        // the relay's scan covers the collections outside the timebanks' ordered lanes (members, timebanks)
        String probe = "sweep-probe-" + UUID.randomUUID();
        MemberPaused left = new MemberPaused(UUID.randomUUID(), Instant.now().minusSeconds(30), "tb-sweep", probe);
        mongo.upsert(Query.query(Criteria.where("_id").is(probe)), new Update().push("outbox", OutboxEntry.of(left)),
                "members");

        run("OutboxRelay.sweep"); // outboxes are scanned every second here (QUICK_OUTBOX_SCANS)

        assertThat(TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.PROFILES_TOPIC,
                r -> probe.equals(r.key()), Duration.ofSeconds(30)).stream().anyMatch(r -> probe.equals(r.key())))
                .as("published").isTrue();
        Document after = mongo.getCollection("members").find(new Document("_id", probe)).first();
        assertThat(after == null ? List.of() : after.getList("outbox", Object.class, List.of())).as("and cleared").isEmpty();
    }

    @Test
    void theDetailsSweepFindsARecentlyErasedMemberAndAppendsTheirErasedRecordAgain() {
        // the erasure's fields (top-level status and erasedAt); the sweep reads them, the version and the timebank
        String erased = "erased-" + UUID.randomUUID();
        mongo.getCollection("members").insertOne(new Document("_id", erased).append("timebankId", "tb-erased")
                .append("status", "ERASED").append("erasedAt", Date.from(clock.instant().minus(Duration.ofHours(1))))
                .append("version", 4L));

        run("DetailsSweep.scheduled");

        assertThat(TopicProbe.readUntil(SharedInfrastructure.get().kafkaBootstrapServers(), Topics.MEMBER_DETAILS_TOPIC,
                r -> erased.equals(r.key()), Duration.ofSeconds(30)).stream().anyMatch(r -> erased.equals(r.key())))
                .as("its erased record published again").isTrue();
    }

    @Test
    void theLeftMembersRetentionFindsEveryTimebankAndErasesWhoLeftLongAgo() {
        // what it reads: the timebanks (their retention), members by timebank and status (status and statusChangedAt)
        LedgerFixture given = new LedgerFixture(port);
        String sam = given.aMember("Sam");
        assertThat(given.api.post(given.path("/members/" + sam + "/suspension"), given.coordinator(), "").status())
                .isEqualTo(200);
        // a day no other run of this JVM takes (the run's report is the day's lock)
        clock.moveTo(Instant.now().plus(Duration.ofDays(3)));
        mongo.getCollection("members").updateOne(new Document("_id", sam), new Document("$set",
                new Document("statusChangedAt", Date.from(clock.instant().minus(Duration.ofDays(731))))));

        run("LeftMembersRetention.daily");

        assertThat(mongo.getCollection("members").find(new Document("_id", sam)).first().getString("status"))
                .isEqualTo("ERASED");
    }

    /** Runs a scheduled job as the scheduler does, by its {@code Class.method} name. */
    private void run(String job) {
        assertThat(jobs()).containsKey(job);
        jobs().get(job).getTask().getRunnable().run();
    }

    private Map<String, ScheduledTask> jobs() {
        List<ScheduledTask> tasks = new ArrayList<>();
        schedulers.forEach(s -> tasks.addAll(s.getScheduledTasks()));
        return tasks.stream().collect(Collectors.toMap(SchedulerQueriesIT::name, Function.identity(), (a, b) -> a));
    }

    private static String name(ScheduledTask task) {
        String full = task.getTask().getRunnable().toString();
        return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
    }
}
