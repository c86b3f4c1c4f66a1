package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;

/** The ledger's rules, one behaviour at a time, without Spring or a database. */
class LedgerTest {

    static final String TB = "riverside";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final InMemoryBookStore store = new InMemoryBookStore();
    final Ledger ledger = new Ledger(store, clock);
    final LocalDate today = LocalDate.parse("2026-11-25");

    @BeforeEach
    void aTimebankWithSamAliAndACollege() {
        store.policies.put(TB, Policy.defaults(ZoneId.of("Europe/London")));
        store.accounts.put("sam", Account.open("sam", TB, AccountKind.MEMBER));
        store.accounts.put("ali", Account.open("ali", TB, AccountKind.MEMBER));
        store.accounts.put("college", Account.open("college", TB, AccountKind.ORGANISATION));
    }

    @Test
    void theOtherSideValidatesAndOneTransferIsPosted() {
        ledger.log(TB, samGave("c1", 90));

        Decision<Contribution> validated = ledger.validate(TB, "c1", member("ali"), "Thank you!");

        assertThat(validated.value().state()).isEqualTo(ContributionState.VALIDATED);
        assertThat(balance("sam")).isEqualTo(90);
        assertThat(balance("ali")).isEqualTo(-90);
        assertThat(store.entries).singleElement().satisfies(e -> {
            assertThat(e.transferId()).isEqualTo("c:c1");
            assertThat(e.reason()).isEqualTo(TransferReason.CONTRIBUTION);
        });
    }

    @Test
    void tellsARefusalOverSomethingUnknownFromARefusalByTheRules() {
        ledger.log(TB, samGave("c1", 30));

        Decision<Contribution> unknown = ledger.validate(TB, "no-such-contribution", member("ali"), null);
        Decision<Contribution> refused = ledger.validate(TB, "c1", member("sam"), null);

        assertThat(unknown.unknown()).as(unknown.refusal().toString()).isTrue();
        assertThat(refused.isAccepted()).isFalse();
        assertThat(refused.unknown()).as(refused.refusal().toString()).isFalse();
    }

    @Test
    void rejectsValidationByWhoeverLoggedIt() {
        ledger.log(TB, samGave("c1", 30));

        assertThat(ledger.validate(TB, "c1", member("sam"), null).refusal().reason())
                .isEqualTo(LedgerRefusal.LOGGER_CANNOT_CONFIRM);
    }

    @Test
    void aCoordinatorWhoLoggedOnSomeonesBehalfCannotValidateItEither() {
        ledger.log(TB, new Ledger.LogCommand("c1", coordinator("cora"), false, true, LoggedBy.GIVER, "sam", "ali", 30,
                today, CoproductionKind.PEER_SUPPORT, null, null));

        assertThat(ledger.validate(TB, "c1", coordinator("cora"), null).isAccepted()).isFalse();
        assertThat(ledger.validate(TB, "c1", member("ali"), null).isAccepted()).isTrue();
    }

    @Test
    void loggingForSomeoneElseNeedsTheirConsentAndARightToActForThem() {
        Ledger.LogCommand byAStranger = new Ledger.LogCommand("c1", member("ali"), false, true, LoggedBy.GIVER, "sam",
                "college", 30, today, CoproductionKind.PEER_SUPPORT, null, null);
        Ledger.LogCommand withoutConsent = new Ledger.LogCommand("c2", coordinator("cora"), false, false, LoggedBy.GIVER,
                "sam", "ali", 30, today, CoproductionKind.PEER_SUPPORT, null, null);
        Ledger.LogCommand bySupporter = new Ledger.LogCommand("c3", member("kim"), true, true, LoggedBy.GIVER, "sam",
                "ali", 30, today, CoproductionKind.PEER_SUPPORT, null, null);

        assertThat(ledger.log(TB, byAStranger).refusal().reason()).isEqualTo(LedgerRefusal.NOT_COORDINATOR_OR_SUPPORTER);
        assertThat(ledger.log(TB, withoutConsent).refusal().reason()).isEqualTo(LedgerRefusal.CONSENT_NEEDED);
        assertThat(ledger.log(TB, bySupporter).value().onBehalfOf()).isEqualTo("sam");
    }

    @Test
    void pendingLogsCountTogetherAgainstALimit() {
        assertThat(ledger.log(TB, samGave("c1", 400)).isAccepted()).isTrue();

        Decision<Contribution> second = ledger.log(TB, aliGot("c2", 300));

        assertThat(second.refusal().reason()).isEqualTo(LedgerRefusal.BELOW_MINIMUM);
        assertThat(second.refusal().params()).containsEntry("account", "ali").containsEntry("limitMinutes", -600L)
                .containsEntry("balanceMinutes", 0L).containsEntry("pendingMinutes", 400L)
                .as("Ali logged it: the figures are her own").containsEntry("whose", "YOURS");
    }

    @Test
    void aRetryOfTheSameLogIsTheSameContributionAndADifferentOneWithTheSameIdIsRefused() {
        Contribution first = ledger.log(TB, samGave("c1", 30)).value();

        assertThat(ledger.log(TB, samGave("c1", 30)).value()).isEqualTo(first);
        assertThat(ledger.log(TB, samGave("c1", 31)).refusal().reason()).isEqualTo(LedgerRefusal.CONTRIBUTION_ID_REUSED);
        assertThat(store.accounts.get("ali").debitsPending()).isEqualTo(30);
    }

    @Test
    void nothingIsLoggedInTheFutureOrBeyondTheWindow() {
        Ledger.LogCommand tomorrow = new Ledger.LogCommand("c1", member("sam"), false, false, LoggedBy.GIVER, "sam",
                "ali", 30, today.plusDays(1), CoproductionKind.PEER_SUPPORT, null, null);
        Ledger.LogCommand longAgo = new Ledger.LogCommand("c2", member("sam"), false, false, LoggedBy.GIVER, "sam",
                "ali", 30, today.minusDays(15), CoproductionKind.PEER_SUPPORT, null, null);

        assertThat(ledger.log(TB, tomorrow).refusal().reason()).isEqualTo(LedgerRefusal.NOT_YET_HAPPENED);
        assertThat(ledger.log(TB, longAgo).refusal()).isEqualTo(LedgerRefusal.OLDER_THAN_WINDOW.with("days", 14L, "from",
                today.minusDays(14)));
    }

    @Test
    void remindersGoOutAtTheirPointsThenTheContributionExpiresAndReleasesItsMinutes() {
        ledger.log(TB, samGave("c1", 60));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(ledger.remind(TB, "c1")).isTrue();
        assertThat(ledger.remind(TB, "c1")).as("not twice for the same point").isFalse();
        clock.advance(Duration.ofDays(6));
        assertThat(ledger.remind(TB, "c1")).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.expire(TB, "c1")).isTrue();

        List<ValidationReminderDue> reminders = eventsOf(ValidationReminderDue.class);
        assertThat(reminders).extracting(ValidationReminderDue::reminderNumber).containsExactly(1, 3);
        assertThat(reminders.get(1).lastCall()).isTrue();
        assertThat(eventsOf(ContributionExpired.class)).hasSize(1);
        assertThat(store.accounts.get("ali").debitsPending()).isZero();
        assertThat(store.accounts.get("sam").creditsPending()).isZero();
    }

    @Test
    void crossingTheWarningMarginIsAllowedButSaysSo() {
        ledger.log(TB, samGave("c1", 500));
        ledger.validate(TB, "c1", member("ali"), null);

        assertThat(balance("ali")).isEqualTo(-500);
        assertThat(eventsOf(SoftLimitCrossed.class)).singleElement().satisfies(w -> {
            assertThat(w.accountId()).isEqualTo("ali");
            assertThat(w.direction()).isEqualTo("LOW");
            assertThat(w.hardLimit()).isEqualTo(-600);
        });
    }

    @Test
    void aCorrectionIsANewReversingEntryNamingTheOriginalAndTheOriginalStays() {
        ledger.log(TB, samGave("c1", 90));
        ledger.validate(TB, "c1", member("ali"), null);
        LedgerEntry original = store.entries.get(0);

        LedgerEntry reversal = ledger.reverse(TB, "c:c1", coordinator("cora"), "Logged by mistake").value();

        assertThat(store.entries).containsExactly(original, reversal);
        assertThat(reversal.reversesTransferId()).isEqualTo("c:c1");
        assertThat(reversal.debitAccountId()).isEqualTo("sam");
        assertThat(balance("sam")).isZero();
        assertThat(ledger.reverse(TB, "c:c1", coordinator("cora"), "again").value()).isEqualTo(reversal);
        assertThat(ledger.reverse(TB, reversal.transferId(), coordinator("cora"), "x").refusal().reason())
                .isEqualTo(LedgerRefusal.REVERSAL_NOT_REVERSIBLE);
    }

    /** Found on the running platform: a reason of only no-break spaces was kept, and the parties read an empty "why". */
    @Test
    void aCorrectionNeedsAReasonWithSomethingToReadNotOnlyInvisibleSpaces() {
        ledger.log(TB, samGave("c1", 90));
        ledger.validate(TB, "c1", member("ali"), null);

        for (String empty : List.of("", "   ", "\u00a0\u00a0\u00a0", "\u200b\u200b", "\u202f\ufeff\u2060", "\u3000", "\u2007\t")) {
            Decision<LedgerEntry> refused = ledger.reverse(TB, "c:c1", coordinator("cora"), empty);
            assertThat(refused.isAccepted()).as("reason %s", empty.codePoints().mapToObj(Integer::toHexString).toList())
                    .isFalse();
            assertThat(refused.refusal().reason()).isEqualTo(LedgerRefusal.CORRECTION_REASON_NEEDED);
        }
        assertThat(store.entries).as("nothing reversed").hasSize(1);
        assertThat(ledger.reverse(TB, "c:c1", coordinator("cora"), "\u00a0Logged twice\u00a0").isAccepted()).isTrue();
    }

    @Test
    void aMemberSpendsHoursOnACourseWithinTheirLimit() {
        assertThat(ledger.redeem(TB, "r1", "sam", "college", 120, "First aid").isAccepted()).isTrue();
        assertThat(ledger.redeem(TB, "r2", "sam", "college", 481, "Another").refusal().reason())
                .isEqualTo(LedgerRefusal.BELOW_MINIMUM);
        assertThat(balance("college")).isEqualTo(120);
        assertThat(eventsOf(TransferPosted.class)).singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo(TransferReason.REDEMPTION));
    }

    @Test
    void aGroupRegisterIsValidatedOnceByStaffAndResendingItChangesNothing() {
        List<Ledger.Attendance> register = List.of(new Ledger.Attendance("sam", 120), new Ledger.Attendance("ali", 90));
        ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"), "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, register);
        ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"), "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, register);

        Decision<List<Contribution>> byStaffOfAnother = ledger.validateGroupActivity(TB, "forum",
                new Ledger.Actor("sid", Set.of("STAFF"), Set.of("another-college")), "Thank you all");
        Decision<List<Contribution>> validated = ledger.validateGroupActivity(TB, "forum",
                new Ledger.Actor("stella", Set.of("STAFF"), Set.of("college")), "Thank you all");

        assertThat(byStaffOfAnother.refusal().reason()).isEqualTo(LedgerRefusal.NOT_ORGANISATION_STAFF);

        assertThat(validated.value()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ContributionState.VALIDATED));
        assertThat(store.entries).hasSize(2);
        assertThat(balance("college")).isEqualTo(-210);
        assertThat(ledger.validateGroupActivity(TB, "forum", coordinator("cora"), null).isAccepted())
                .as("the organiser logged them, but they are all validated already").isTrue();
        assertThat(store.entries).hasSize(2);
    }

    @Test
    void aRegisterWhoseThirdAttendancePassesTheOrganisationsLimitWritesNothingAtAll() {
        store.policies.put(TB, new Policy(ZoneId.of("Europe/London"), Duration.ofDays(14), List.of(Duration.ofDays(2)),
                Minutes.hours(-10), Minutes.hours(100), Minutes.hours(-2), Minutes.hours(100), Minutes.hours(0), true,
                null));
        store.accounts.put("kim", Account.open("kim", TB, AccountKind.MEMBER));
        List<Ledger.Attendance> register = List.of(new Ledger.Attendance("sam", 60), new Ledger.Attendance("ali", 60),
                new Ledger.Attendance("kim", 60));

        Decision<List<Contribution>> recorded = ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"),
                "User forum", CoproductionKind.INVOLVEMENT_MEETING, today, register);

        assertThat(recorded.refusal().reason()).isEqualTo(LedgerRefusal.ATTENDEE_REFUSED);
        assertThat(recorded.refusal().params()).containsEntry("attendee", "kim");
        assertNothingWritten();
    }

    @Test
    void aRegisterWithAThirdAttendeeWhoIsNoMemberWritesNothingAtAll() {
        List<Ledger.Attendance> register = List.of(new Ledger.Attendance("sam", 60), new Ledger.Attendance("ali", 60),
                new Ledger.Attendance("nobody", 60));

        Decision<List<Contribution>> recorded = ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"),
                "User forum", CoproductionKind.INVOLVEMENT_MEETING, today, register);

        assertThat(recorded.refusal().reason()).isEqualTo(LedgerRefusal.ATTENDEE_NOT_MEMBER);
        assertNothingWritten();
    }

    @Test
    void aRegistersValidationIsPostedAsOneChangeOrNotAtAll() {
        List<Ledger.Attendance> register = List.of(new Ledger.Attendance("sam", 60), new Ledger.Attendance("ali", 60),
                new Ledger.Attendance("kim", 60));
        store.accounts.put("kim", Account.open("kim", TB, AccountKind.MEMBER));
        ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"), "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, register);
        // kim's account reaches its maximum meanwhile: the third posting is refused
        store.accounts.put("kim", new Account("kim", TB, AccountKind.MEMBER, true, Minutes.hours(100).value() - 30, 0,
                60, 0));
        int events = store.events.size();

        Decision<List<Contribution>> validated = ledger.validateGroupActivity(TB, "forum",
                new Ledger.Actor("stella", Set.of("STAFF"), Set.of("college")), null);

        assertThat(validated.isAccepted()).isFalse();
        assertThat(store.entries).isEmpty();
        assertThat(store.events).hasSize(events);
        assertThat(balance("sam")).isZero();
        assertThat(store.contributions.values()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ContributionState.LOGGED));
    }

    @Test
    void theStaffRoleAloneConfirmsNoMembersHoursAndNoOrganisationsGroupWork() {
        ledger.log(TB, samGave("c1", 30));
        Ledger.Actor staffReviewer = new Ledger.Actor("stella", Set.of("STAFF"));

        assertThat(ledger.validate(TB, "c1", staffReviewer, null).refusal().reason())
                .isEqualTo(LedgerRefusal.NOT_THE_COUNTERPART);
        assertThat(ledger.recordGroupActivity(TB, "forum", "college", staffReviewer, "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, List.of(new Ledger.Attendance("sam", 60))).refusal().reason())
                .isEqualTo(LedgerRefusal.NOT_ORGANISATION_STAFF);
        assertThat(store.events).hasSize(1);
    }

    @Test
    void anOrganisationsListedStaffRecordAndConfirmItsGroupWorkButNeverTheirOwnRegister() {
        Ledger.Actor stella = new Ledger.Actor("stella", Set.of("MEMBER"), Set.of("college"));
        Ledger.Actor sid = new Ledger.Actor("sid", Set.of("MEMBER"), Set.of("college"));

        assertThat(ledger.recordGroupActivity(TB, "forum", "college", stella, "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, List.of(new Ledger.Attendance("sam", 60))).isAccepted()).isTrue();
        assertThat(ledger.validateGroupActivity(TB, "forum", stella, null).refusal().reason())
                .isEqualTo(LedgerRefusal.LOGGER_CANNOT_CONFIRM);
        assertThat(ledger.validateGroupActivity(TB, "forum", sid, null).isAccepted()).isTrue();
        assertThat(balance("sam")).isEqualTo(60);
    }

    @Test
    void aSuspendedMemberCanNeitherLogNorSpend() {
        store.accounts.put("sam", store.accounts.get("sam").withActive(false));

        assertThat(ledger.log(TB, samGave("c1", 30)).refusal().reason()).isEqualTo(LedgerRefusal.SUSPENDED_CANNOT_LOG);
        assertThat(ledger.gift(TB, "g1", "sam", "ali", 30, null).refusal().reason())
                .isEqualTo(LedgerRefusal.SUSPENDED_CANNOT_SPEND);
    }

    @Test
    void aMembersOwnWordsStayWithTheContributionAndNoEventCarriesThem() {
        ledger.log(TB, samGave("c1", 30));
        ledger.validate(TB, "c1", member("ali"), "Thanks for the walk by the canal");
        ledger.log(TB, samGave("c2", 30));
        ledger.dispute(TB, "c2", member("ali"), "We only had a coffee after my appointment");
        ledger.resolve(TB, "c2", coordinator("cora"), 15L, "Agreed on a quarter of an hour");
        ledger.log(TB, samGave("c3", 30));
        ledger.dispute(TB, "c3", member("ali"), "This never happened");
        ledger.reject(TB, "c3", coordinator("cora"), "Not recorded at the group");
        ledger.recordGroupActivity(TB, "forum", "college", coordinator("cora"), "Hearing voices group",
                CoproductionKind.INVOLVEMENT_MEETING, today, List.of(new Ledger.Attendance("sam", 60)));
        ledger.gift(TB, "g1", "sam", "ali", 10, "For your birthday");
        ledger.redeem(TB, "r1", "sam", "college", 10, "Anxiety course");

        List<String> words = List.of("A walk and a talk", "canal", "coffee", "quarter of an hour", "never happened",
                "Not recorded", "Hearing voices", "birthday", "Anxiety course");
        assertThat(store.events).hasSizeGreaterThan(10).allSatisfy(event -> assertThat(
                org.reciprocity.contracts.kafka.EventJson.mapper().writeValueAsString(event)).as(event.toString())
                .doesNotContain(words));
        assertThat(store.contributions.get("c1").description()).isEqualTo("A walk and a talk");
        assertThat(store.contributions.get("c1").note()).isEqualTo("Thanks for the walk by the canal");
        assertThat(store.contributions.get("c2").note()).isEqualTo("Agreed on a quarter of an hour");
        assertThat(store.contributions.get("c3").note()).isEqualTo("Not recorded at the group");
        assertThat(store.contributions.get("forum:sam").description()).isEqualTo("Hearing voices group");
    }

    @Test
    void aDisputesReasonIsKeptWithTheContributionWhileItIsDisputed() {
        ledger.log(TB, samGave("c1", 30));

        ledger.dispute(TB, "c1", member("ali"), "We only had a coffee");

        assertThat(store.contributions.get("c1").note()).isEqualTo("We only had a coffee");
        assertThat(eventsOf(org.reciprocity.contracts.contribution.ContributionDisputed.class)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isNull());
    }

    private void assertNothingWritten() {
        assertThat(store.contributions).as("no attendance logged").isEmpty();
        assertThat(store.accounts.values()).as("no minutes reserved")
                .allSatisfy(a -> assertThat(a.debitsPending() + a.creditsPending()).isZero());
        assertThat(store.events).as("no event out").isEmpty();
        assertThat(store.entries).isEmpty();
    }

    private Ledger.LogCommand samGave(String id, long minutes) {
        return new Ledger.LogCommand(id, member("sam"), false, false, LoggedBy.GIVER, "sam", "ali", minutes, today,
                CoproductionKind.PEER_SUPPORT, "A walk and a talk", null);
    }

    private Ledger.LogCommand aliGot(String id, long minutes) {
        return new Ledger.LogCommand(id, member("ali"), false, false, LoggedBy.RECEIVER, "sam", "ali", minutes, today,
                CoproductionKind.PEER_SUPPORT, "A walk and a talk", null);
    }

    private static Ledger.Actor member(String id) {
        return new Ledger.Actor(id, Set.of("MEMBER"));
    }

    private static Ledger.Actor coordinator(String id) {
        return new Ledger.Actor(id, Set.of("COORDINATOR"));
    }

    private long balance(String account) {
        return store.accounts.get(account).balance();
    }

    private <T extends DomainEvent> List<T> eventsOf(Class<T> type) {
        return store.events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
