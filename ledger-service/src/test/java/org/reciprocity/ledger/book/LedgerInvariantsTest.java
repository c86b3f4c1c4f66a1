package org.reciprocity.ledger.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of random command sequences — log, validate, dispute, resolve, reject, withdraw,
 * expire, remind, redeem, gift, correct, group registers and their validation, on-behalf logs,
 * each possibly sent twice — and after every command the ledger's guarantees still hold.
 */
class LedgerInvariantsTest {

    static final String TB = "riverside";
    static final List<String> MEMBERS = List.of("m0", "m1", "m2", "m3", "m4");
    static final String ORG = "org";
    static final String COORDINATOR = "coord";

    /** One random command; {@code twice} sends it again right after, as a client retry would. */
    record Step(int op, int a, int b, int c, long minutes, boolean flag, boolean twice) {
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 14),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 30),
                Arbitraries.longs().between(1, 720),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4).map(n -> n == 0)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void everyCommandSequenceKeepsTheBooksBalancedWithinLimitsAndChained(@ForAll("scenarios") List<Step> steps) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        InMemoryBookStore store = new InMemoryBookStore();
        Policy policy = new Policy(ZoneId.of("Europe/London"), Duration.ofDays(14),
                List.of(Duration.ofDays(7), Duration.ofDays(1)), Minutes.hours(-10), Minutes.hours(20),
                Minutes.hours(-30), Minutes.hours(200), Minutes.hours(2), true, Set.of());
        store.policies.put(TB, policy);
        MEMBERS.forEach(m -> store.accounts.put(m, Account.open(m, TB, AccountKind.MEMBER)));
        store.accounts.put(ORG, Account.open(ORG, TB, AccountKind.ORGANISATION));
        Ledger ledger = new Ledger(store, clock);
        List<String> ids = new ArrayList<>();

        for (Step step : steps) {
            run(ledger, store, clock, ids, step);
            if (step.twice()) {
                run(ledger, store, clock, ids, step);
            }
            assertInvariants(store, policy);
        }
    }

    private void run(Ledger ledger, InMemoryBookStore store, MutableClock clock, List<String> ids, Step s) {
        String giver = MEMBERS.get(s.a());
        String other = s.b() == 5 ? ORG : MEMBERS.get(s.b() % 5);
        String someContribution = ids.isEmpty() ? "none" : ids.get(s.c() % ids.size());
        Ledger.Actor coordinator = new Ledger.Actor(COORDINATOR, Set.of("COORDINATOR"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        switch (s.op()) {
            case 0, 1 -> { // a member logs, as giver or receiver, or a coordinator logs on their behalf
                String receiver = MEMBERS.get(s.b() % 5);
                String id = "c" + ids.size() + "-" + s.c();
                LoggedBy side = s.flag() ? LoggedBy.GIVER : LoggedBy.RECEIVER;
                String logging = side == LoggedBy.GIVER ? giver : receiver;
                Ledger.Actor actor = s.op() == 1 ? coordinator : new Ledger.Actor(logging, Set.of("MEMBER"));
                var decision = ledger.log(TB, new Ledger.LogCommand(id, actor, false, true, side, giver, receiver,
                        s.minutes(), today, CoproductionKind.PEER_SUPPORT, "help", null));
                if (decision.isAccepted() && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            case 2 -> store.contribution(TB, someContribution).ifPresent(c -> ledger.validate(TB, c.id(),
                    s.flag() ? coordinator : new Ledger.Actor(MEMBERS.get(s.a()), Set.of("MEMBER")), "thanks"));
            case 3 -> store.contribution(TB, someContribution).ifPresent(c -> ledger.validate(TB, c.id(),
                    new Ledger.Actor(c.counterpart(), Set.of("MEMBER")), "thank you"));
            case 4 -> store.contribution(TB, someContribution).ifPresent(c -> ledger.dispute(TB, c.id(),
                    new Ledger.Actor(c.counterpart(), Set.of("MEMBER")), "not quite"));
            case 5 -> ledger.resolve(TB, someContribution, coordinator, s.flag() ? s.minutes() : null, "agreed");
            case 6 -> ledger.reject(TB, someContribution, coordinator, "did not happen");
            case 7 -> store.contribution(TB, someContribution).ifPresent(c -> ledger.withdraw(TB, c.id(),
                    new Ledger.Actor(s.flag() ? c.actorId() : giver, Set.of("MEMBER"))));
            case 8 -> { // time passes; the scheduler reminds and expires
                clock.advance(Duration.ofDays(s.c() % 16));
                new ArrayList<>(store.contributions.keySet()).forEach(id -> {
                    ledger.remind(TB, id);
                    ledger.expire(TB, id);
                });
            }
            case 9 -> ledger.redeem(TB, "redeem-" + s.c(), giver, ORG, s.minutes(), "a course");
            case 10 -> ledger.gift(TB, "gift-" + s.c(), giver, other, s.minutes(), "for you");
            case 11 -> {
                List<LedgerEntry> entries = store.entriesOf(TB);
                if (!entries.isEmpty()) {
                    ledger.reverse(TB, entries.get(s.c() % entries.size()).transferId(), coordinator, "a mistake");
                }
            }
            case 12 -> { // a group register, resent as is by the twice flag
                List<Ledger.Attendance> register = MEMBERS.subList(0, 1 + s.a()).stream()
                        .map(m -> new Ledger.Attendance(m, s.minutes())).toList();
                String activity = "activity-" + (s.c() % 4);
                int eventsBefore = store.events.size();
                var accountsBefore = new java.util.HashMap<>(store.accounts);
                var contributionsBefore = new java.util.HashMap<>(store.contributions);
                var decision = ledger.recordGroupActivity(TB, activity, ORG, coordinator, "Workshop",
                        CoproductionKind.SERVICE_CO_DESIGNED, today, register);
                if (!decision.isAccepted()) {
                    assertThat(store.events).as("a refused register sends nothing").hasSize(eventsBefore);
                    assertThat(store.accounts).as("a refused register reserves nothing").isEqualTo(accountsBefore);
                    assertThat(store.contributions).as("a refused register logs nothing").isEqualTo(contributionsBefore);
                }
                if (decision.isAccepted()) {
                    decision.value().forEach(c -> {
                        if (!ids.contains(c.id())) {
                            ids.add(c.id());
                        }
                    });
                }
            }
            case 13 -> ledger.validateGroupActivity(TB, "activity-" + (s.c() % 4),
                    new Ledger.Actor("staff-1", Set.of("STAFF")), "thank you all");
            case 14 -> { // a crash between reserving minutes and recording the contribution, then the check
                Account account = store.accounts.get(giver);
                boolean crashed = s.flag() && account != null;
                if (crashed) {
                    store.accounts.put(giver, account.reserveCredit(Minutes.of(s.minutes())));
                }
                List<Account> repaired = ledger.reconcilePending(TB);
                assertThat(repaired).as("the check repairs exactly the orphan reservation")
                        .extracting(Account::id).containsExactlyElementsOf(crashed ? List.of(giver) : List.of());
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void assertInvariants(InMemoryBookStore store, Policy policy) {
        List<Account> accounts = List.copyOf(store.accounts.values());
        assertThat(accounts.stream().mapToLong(Account::balance).sum()).as("balances sum to zero").isZero();
        for (Account a : accounts) {
            assertThat(a.balance() - a.debitsPending()).as("%s above its minimum, pending included", a.id())
                    .isGreaterThanOrEqualTo(policy.minimum(a.kind()).value());
            assertThat(a.balance() + a.creditsPending()).as("%s below its maximum, pending included", a.id())
                    .isLessThanOrEqualTo(policy.maximum(a.kind()).value());
            long openDebits = store.contributions.values().stream()
                    .filter(c -> c.state().isOpen() && c.receiverId().equals(a.id())).mapToLong(Contribution::minutes).sum();
            long openCredits = store.contributions.values().stream()
                    .filter(c -> c.state().isOpen() && c.giverId().equals(a.id())).mapToLong(Contribution::minutes).sum();
            assertThat(a.debitsPending()).as("%s pending debits are its open contributions", a.id()).isEqualTo(openDebits);
            assertThat(a.creditsPending()).as("%s pending credits are its open contributions", a.id()).isEqualTo(openCredits);
        }
        Map<String, Long> postingsPerContribution = store.entries.stream().filter(e -> e.contributionId() != null)
                .collect(Collectors.groupingBy(LedgerEntry::contributionId, Collectors.counting()));
        for (Contribution c : store.contributions.values()) {
            long postings = postingsPerContribution.getOrDefault(c.id(), 0L);
            assertThat(postings).as("transfers posted for %s (%s)", c.id(), c.state())
                    .isEqualTo(c.state() == ContributionState.VALIDATED ? 1 : 0);
        }
        Map<String, Long> replayed = new java.util.HashMap<>();
        for (LedgerEntry e : store.entries) {
            replayed.merge(e.debitAccountId(), -e.minutes(), Long::sum);
            replayed.merge(e.creditAccountId(), e.minutes(), Long::sum);
        }
        accounts.forEach(a -> assertThat(a.balance()).as("%s balance is the sum of its entries", a.id())
                .isEqualTo(replayed.getOrDefault(a.id(), 0L)));
        assertThat(ChainVerification.walk(store.entriesOf(TB).iterator()).intact()).as("the hash chain verifies").isTrue();
        assertThat(store.entries.stream().map(LedgerEntry::transferId).distinct().count())
                .as("no transfer id posted twice").isEqualTo(store.entries.size());
    }
}
