package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.problem.Wording;

/**
 * Issue 14, "words that disclose": every refusal the ledger gives over another member's balance or
 * status, driven through the real rules and read by each kind of reader (the member themself, the
 * other party, an organisation's staff, a coordinator), in English and French. A reader who may not
 * see an account's figures gets neither a figure nor a status, in the words or in the parameters a
 * program reads; the owner and a coordinator get the exact figures.
 */
class RefusalsDiscloseNothingTest {

    static final String TB = "riverside";
    /** Figures as the words show them ("6 h 40 min", "-10 h") and statuses, in both languages. */
    static final Pattern FIGURE_OR_STATUS = Pattern.compile("\\d+ (h|min)\\b|on hold|en pause|suspend", Pattern.CASE_INSENSITIVE);
    static final Set<String> FIGURE_PARAMS = Set.of("balance", "pending", "limit", "balanceMinutes", "pendingMinutes",
            "limitMinutes", "whose", "account");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final InMemoryBookStore store = new InMemoryBookStore();
    final Ledger ledger = new Ledger(store, clock);
    final LocalDate today = LocalDate.parse("2026-11-25");
    final List<String> checked = new ArrayList<>();

    final Ledger.Actor sam = new Ledger.Actor("sam", Set.of("MEMBER"));
    final Ledger.Actor ali = new Ledger.Actor("ali", Set.of("MEMBER"));
    final Ledger.Actor cora = new Ledger.Actor("cora", Set.of("COORDINATOR"));
    final Ledger.Actor stella = new Ledger.Actor("stella", Set.of("MEMBER"), Set.of("college"));

    @BeforeEach
    void aliIsAtTheLowestSamAtTheHighest() {
        store.policies.put(TB, Policy.defaults(ZoneId.of("Europe/London")));
        Policy policy = store.policies.get(TB);
        store.accounts.put("sam", new Account("sam", TB, AccountKind.MEMBER, true, policy.memberMaximum().value() - 15,
                0, 0, 0));
        store.accounts.put("ali", new Account("ali", TB, AccountKind.MEMBER, true, policy.memberMinimum().value() + 75,
                0, 30, 0));
        store.accounts.put("kim", Account.open("kim", TB, AccountKind.MEMBER));
        store.accounts.put("college", Account.open("college", TB, AccountKind.ORGANISATION));
    }

    @AfterEach
    void printHowManyWereRead() {
        System.out.println("[disclosure] " + getClass().getSimpleName() + ": " + checked.size()
                + " refusals read in English and French: " + checked);
    }

    @Test
    void theOtherPartyIsNotToldAMembersBalanceWhenLoggingTime() {
        // Sam gives 2 h to Ali, whose account cannot go that low
        assertHidden(ledger.log(TB, log("c1", sam, LoggedBy.GIVER, "sam", "ali", 120, true)).refusal());
        // Ali logs the same: her own figures
        assertShown(ledger.log(TB, log("c2", ali, LoggedBy.RECEIVER, "sam", "ali", 120, true)).refusal(),
                LedgerRefusal.BELOW_MINIMUM, "YOURS", "-8 h 45 min");
        // a coordinator logs it for Sam: the figures, as another member's
        assertShown(ledger.log(TB, log("c3", cora, LoggedBy.GIVER, "sam", "ali", 120, true)).refusal(),
                LedgerRefusal.BELOW_MINIMUM, "MEMBER", "-8 h 45 min");
    }

    @Test
    void theOtherPartyIsNotToldAMembersBalanceNearItsHighest() {
        // Kim got 30 min from Sam, whose account cannot hold that much more
        assertHidden(ledger.log(TB, log("c1", new Ledger.Actor("kim", Set.of("MEMBER")), LoggedBy.RECEIVER, "sam", "kim",
                30, true)).refusal());
        assertShown(ledger.log(TB, log("c2", sam, LoggedBy.GIVER, "sam", "kim", 30, true)).refusal(),
                LedgerRefusal.ABOVE_MAXIMUM, "YOURS", "99 h 45 min");
    }

    @Test
    void whoConfirmsIsNotToldTheGiversBalance() {
        store.accounts.put("sam", Account.open("sam", TB, AccountKind.MEMBER));
        ledger.log(TB, log("c1", sam, LoggedBy.GIVER, "sam", "kim", 30, true));
        // Sam's account fills up meanwhile: confirming would take it past its highest
        store.accounts.put("sam", new Account("sam", TB, AccountKind.MEMBER, true, Minutes.hours(100).value() - 15, 0,
                30, 0));

        assertHidden(ledger.validate(TB, "c1", new Ledger.Actor("kim", Set.of("MEMBER")), null).refusal());
        assertShown(ledger.validate(TB, "c1", cora, null).refusal(), LedgerRefusal.ABOVE_MAXIMUM, "MEMBER", "99 h 45 min");
    }

    @Test
    void whoGivesHoursIsNotToldTheReceiversBalance() {
        store.accounts.put("kim", new Account("kim", TB, AccountKind.MEMBER, true, 300, 0, 0, 0));

        assertHidden(ledger.gift(TB, "g1", "kim", "sam", 60, null).refusal());
        assertShown(ledger.gift(TB, "g2", "ali", "kim", 90, null).refusal(), LedgerRefusal.BELOW_MINIMUM, "YOURS",
                "-8 h 45 min");
    }

    @Test
    void aMemberOnHoldIsNamedSoOnlyToThemselfAndACoordinator() {
        store.accounts.put("ali", store.accounts.get("ali").withActive(false));

        assertHidden(ledger.log(TB, log("c1", sam, LoggedBy.GIVER, "sam", "ali", 30, true)).refusal());
        Refusal toAli = ledger.log(TB, log("c2", ali, LoggedBy.RECEIVER, "sam", "ali", 30, true)).refusal();
        Refusal toCora = ledger.log(TB, log("c3", cora, LoggedBy.GIVER, "sam", "ali", 30, true)).refusal();

        assertThat(toAli).isEqualTo(LedgerRefusal.SUSPENDED_CANNOT_LOG.with("whose", "YOURS"));
        assertThat(toCora).isEqualTo(LedgerRefusal.SUSPENDED_CANNOT_LOG.with("whose", "MEMBER"));
        read(toAli);
        read(toCora);
    }

    @Test
    void anOrganisationsStaffAreNotToldAnAttendeeIsOnHoldOrFull() {
        store.accounts.put("kim", store.accounts.get("kim").withActive(false));
        List<Ledger.Attendance> withKim = List.of(new Ledger.Attendance("kim", 60));
        List<Ledger.Attendance> withSam = List.of(new Ledger.Attendance("sam", 60));

        Refusal kimToStaff = register(stella, withKim);
        Refusal samToStaff = register(stella, withSam);
        Refusal kimToCora = register(cora, withKim);
        Refusal samToCora = register(cora, withSam);

        assertThat(kimToStaff.reason()).isEqualTo(LedgerRefusal.ATTENDEE_REFUSED);
        assertHidden(kimToStaff);
        assertHidden(samToStaff);
        assertThat(kimToCora.reason()).isEqualTo(LedgerRefusal.ATTENDEE_SUSPENDED);
        read(kimToCora);
        assertThat(samToCora.params()).containsEntry("cause", "above-maximum").containsEntry("balanceMinutes",
                Minutes.hours(100).value() - 15);
        read(samToCora);
    }

    @Test
    void anOrganisationsStaffConfirmingARegisterAreNotToldAnAttendeesBalance() {
        store.accounts.put("sam", Account.open("sam", TB, AccountKind.MEMBER));
        assertThat(ledger.recordGroupActivity(TB, "forum", "college", stella, "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, List.of(new Ledger.Attendance("sam", 60))).isAccepted()).isTrue();
        store.accounts.put("sam", new Account("sam", TB, AccountKind.MEMBER, true, Minutes.hours(100).value() - 15, 0,
                60, 0));

        assertHidden(ledger.validateGroupActivity(TB, "forum", new Ledger.Actor("sid", Set.of("MEMBER"),
                Set.of("college")), null).refusal());
    }

    private Refusal register(Ledger.Actor organiser, List<Ledger.Attendance> register) {
        return ledger.recordGroupActivity(TB, "forum-" + checked.size(), "college", organiser, "User forum",
                CoproductionKind.INVOLVEMENT_MEETING, today, register).refusal();
    }

    /** Neither a figure nor a status, in any language, nor in the parameters a program reads. */
    private void assertHidden(Refusal refusal) {
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.params().keySet()).as(refusal.toString()).doesNotContainAnyElementsOf(FIGURE_PARAMS);
        assertThat(refusal.params().values()).as(refusal.toString())
                .noneMatch(v -> v instanceof Minutes || v instanceof Number);
        for (Locale language : Wording.LANGUAGES) {
            assertThat(refusal.words(language)).as(language + ": " + refusal)
                    .doesNotContainPattern(FIGURE_OR_STATUS);
        }
        read(refusal);
    }

    /** The exact figures, for whom they belong to or a coordinator. */
    private void assertShown(Refusal refusal, LedgerRefusal reason, String whose, String balance) {
        assertThat(refusal.reason()).as(refusal.toString()).isEqualTo(reason);
        assertThat(refusal.params()).containsEntry("whose", whose);
        for (Locale language : Wording.LANGUAGES) {
            assertThat(refusal.words(language)).as(language + ": " + refusal).contains(balance);
        }
        read(refusal);
    }

    private void read(Refusal refusal) {
        for (Locale language : Wording.LANGUAGES) {
            assertThat(refusal.words(language)).as("every parameter filled in").doesNotContain("{");
        }
        checked.add(refusal.code());
    }

    private Ledger.LogCommand log(String id, Ledger.Actor by, LoggedBy side, String giver, String receiver, long minutes,
                                  boolean consent) {
        return new Ledger.LogCommand(id, by, false, consent, side, giver, receiver, minutes, today,
                CoproductionKind.PEER_SUPPORT, null, null);
    }
}
