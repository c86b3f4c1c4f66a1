package org.reciprocity.ledger.book;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.GroupActivityRecorded;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.HoursGifted;
import org.reciprocity.contracts.ledger.HoursRedeemed;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.ledger.book.BookStore.Change;

/**
 * The time ledger's rules, in plain Java. Every command decides against the current state, then
 * hands one {@link Change} to the store: a refused command changes nothing. Callers run the
 * commands of one timebank one at a time (the chain of entries is per timebank).
 *
 * <p>Guarantees held here, and checked by the property tests: in every timebank the balances sum
 * to zero; no account goes past its limits, pending minutes included; a validated contribution
 * posts exactly one transfer (its transfer id is derived from its id); posted entries are never
 * changed, a correction is a new reversing entry; each entry is chained to the previous by hash.
 */
public final class Ledger {

    public static final int MAX_TEXT = 500;

    private final BookStore store;
    private final Clock clock;

    public Ledger(BookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Who is acting: their member id and roles in this timebank. */
    public record Actor(String id, Set<String> roles) {
        boolean is(String role) {
            return roles.contains(role);
        }

        boolean isCoordinatorOrStaff() {
            return is("COORDINATOR") || is("STAFF") || is("ADMIN");
        }
    }

    /**
     * Logging a contribution. {@code actorIsSupporter}: the logging member named the actor as
     * someone who may act for them.
     */
    public record LogCommand(String contributionId, Actor actor, boolean actorIsSupporter, boolean consentRecorded,
                             LoggedBy side, String giverId, String receiverId, long minutes, LocalDate happenedOn,
                             CoproductionKind kind, String description, String matchId) {
    }

    public Decision<Contribution> log(String timebankId, LogCommand c) {
        Optional<Policy> policy = store.policy(timebankId);
        if (policy.isEmpty()) {
            return Decision.unknown("There is no timebank '" + timebankId + "'.");
        }
        Optional<Contribution> existing = store.contribution(timebankId, c.contributionId());
        if (existing.isPresent()) {
            return retryOf(existing.get(), c);
        }
        String invalid = invalidLog(policy.get(), c);
        if (invalid != null) {
            return Decision.refused(invalid);
        }
        Optional<Account> giver = store.account(timebankId, c.giverId());
        Optional<Account> receiver = store.account(timebankId, c.receiverId());
        String refusal = refuseParties(giver, receiver, c, timebankId, policy.get());
        if (refusal != null) {
            return Decision.refused(refusal);
        }
        return reserve(timebankId, policy.get(), c, giver.get(), receiver.get(), null);
    }

    private Decision<Contribution> reserve(String timebankId, Policy policy, LogCommand c, Account giver,
                                           Account receiver, String activityId) {
        Minutes minutes = Minutes.of(c.minutes());
        String limit = firstNonNull(receiver.refuseDebit(minutes, policy), giver.refuseCredit(minutes, policy));
        if (limit != null) {
            return Decision.refused(limit);
        }
        Instant now = clock.instant();
        String onBehalfOf = c.actor().id().equals(loggingMember(c)) ? null : loggingMember(c);
        Contribution contribution = new Contribution(c.contributionId(), timebankId, c.giverId(), c.receiverId(),
                c.side(), c.actor().id(), onBehalfOf, c.minutes(), c.happenedOn(), c.kind(), c.description(),
                c.matchId(), activityId, ContributionState.LOGGED, now, now.plus(policy.validationWindow()), 0, null,
                null, null, 0);
        ContributionLogged logged = new ContributionLogged(UUID.randomUUID(), now, timebankId, contribution.id(),
                c.giverId(), c.receiverId(), c.side(), c.actor().id(), onBehalfOf, contribution.counterpart(),
                c.minutes(), c.happenedOn(), c.kind(), c.description(), c.matchId(), activityId, contribution.deadline());
        store.commit(new Change(timebankId, List.of(),
                List.of(receiver.reserveDebit(minutes), giver.reserveCredit(minutes)), List.of(contribution), null,
                List.of(logged)));
        return Decision.accepted(contribution);
    }

    public Decision<Contribution> validate(String timebankId, String contributionId, Actor actor, String note) {
        return decide(timebankId, contributionId, actor, ContributionState.VALIDATED, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused("This contribution is " + c.state().name().toLowerCase() + "; only a logged one can be confirmed.");
            }
            if (c.wasLoggedBy(actor.id())) {
                return Decision.refused("You logged this contribution, so someone else must confirm it.");
            }
            Account counterpart = store.account(timebankId, c.counterpart()).orElseThrow();
            boolean isCounterpart = counterpart.kind() == AccountKind.MEMBER && actor.id().equals(c.counterpart());
            if (!isCounterpart && !actor.isCoordinatorOrStaff()) {
                return Decision.refused("Only the other person, or a coordinator, can confirm this contribution.");
            }
            if (note != null && note.length() > MAX_TEXT) {
                return Decision.refused("A thank-you note is at most " + MAX_TEXT + " characters.");
            }
            Contribution validated = c.decided(ContributionState.VALIDATED, actor.id(), note, c.minutes());
            return post(timebankId, c, validated, c.minutes(), actor, events -> events.add(new ContributionValidated(
                    UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(), c.giverId(), c.receiverId(),
                    c.minutes(), note, c.matchId(), validated.transferId())));
        });
    }

    public Decision<Contribution> dispute(String timebankId, String contributionId, Actor actor, String reason) {
        return decide(timebankId, contributionId, actor, ContributionState.DISPUTED, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused("This contribution is " + c.state().name().toLowerCase() + "; only a logged one can be disputed.");
            }
            if (!actor.id().equals(c.counterpart()) || c.wasLoggedBy(actor.id())) {
                return Decision.refused("Only the other person named in this contribution can dispute it.");
            }
            if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
                return Decision.refused("Say in a few words (at most " + MAX_TEXT + " characters) what is not right.");
            }
            Contribution disputed = c.disputed(actor.id(), reason.strip());
            commitState(timebankId, disputed, new ContributionDisputed(UUID.randomUUID(), clock.instant(), timebankId,
                    c.id(), actor.id(), c.giverId(), c.receiverId(), reason.strip()));
            return Decision.accepted(disputed);
        });
    }

    /** A coordinator settles a dispute in favour of the contribution, perhaps with other minutes. */
    public Decision<Contribution> resolve(String timebankId, String contributionId, Actor actor, Long amendedMinutes,
                                          String note) {
        return decide(timebankId, contributionId, actor, ContributionState.VALIDATED, c -> {
            String refusal = refuseResolution(c, actor);
            if (refusal != null) {
                return Decision.refused(refusal);
            }
            long posted = amendedMinutes == null ? c.minutes() : amendedMinutes;
            if (posted < 1 || posted > Minutes.ONE_DAY.value()) {
                return Decision.refused("A contribution lasts from 1 minute to 24 hours (1440 minutes).");
            }
            Contribution resolved = c.decided(ContributionState.VALIDATED, actor.id(), note, posted);
            return post(timebankId, c, resolved, posted, actor, events -> events.add(new ContributionResolved(
                    UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(), c.giverId(), c.receiverId(),
                    c.minutes(), posted, note, c.matchId(), resolved.transferId())));
        });
    }

    public Decision<Contribution> reject(String timebankId, String contributionId, Actor actor, String reason) {
        return decide(timebankId, contributionId, actor, ContributionState.REJECTED, c -> {
            String refusal = refuseResolution(c, actor);
            if (refusal != null) {
                return Decision.refused(refusal);
            }
            return voidPending(timebankId, c, c.decided(ContributionState.REJECTED, actor.id(), reason, 0),
                    new ContributionRejected(UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(),
                            c.giverId(), c.receiverId(), reason));
        });
    }

    public Decision<Contribution> withdraw(String timebankId, String contributionId, Actor actor) {
        return decide(timebankId, contributionId, actor, ContributionState.WITHDRAWN, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused("This contribution is " + c.state().name().toLowerCase() + "; only a logged one can be withdrawn.");
            }
            if (!c.wasLoggedBy(actor.id())) {
                return Decision.refused("Only whoever logged this contribution can withdraw it.");
            }
            return voidPending(timebankId, c, c.decided(ContributionState.WITHDRAWN, actor.id(), null, 0),
                    new ContributionWithdrawn(UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(),
                            c.giverId(), c.receiverId()));
        });
    }

    /** Expires a contribution nobody validated in time; true if it did. */
    public boolean expire(String timebankId, String contributionId) {
        Optional<Contribution> found = store.contribution(timebankId, contributionId);
        if (found.isEmpty() || found.get().state() != ContributionState.LOGGED
                || clock.instant().isBefore(found.get().deadline())) {
            return false;
        }
        Contribution c = found.get();
        voidPending(timebankId, c, c.decided(ContributionState.EXPIRED, null, null, 0),
                new ContributionExpired(UUID.randomUUID(), clock.instant(), timebankId, c.id(), c.giverId(), c.receiverId()));
        return true;
    }

    /** Sends the latest reminder that has come due (only one, even after a long pause); true if one did. */
    public boolean remind(String timebankId, String contributionId) {
        Optional<Contribution> found = store.contribution(timebankId, contributionId);
        Optional<Policy> policy = store.policy(timebankId);
        if (found.isEmpty() || policy.isEmpty() || found.get().state() != ContributionState.LOGGED) {
            return false;
        }
        Contribution c = found.get();
        List<Duration> points = policy.get().reminders();
        Instant now = clock.instant();
        int due = c.remindersSent();
        while (due < points.size() && !now.isBefore(c.deadline().minus(points.get(due)))) {
            due++;
        }
        if (due == c.remindersSent() || !now.isBefore(c.deadline())) {
            return false;
        }
        commitState(timebankId, c.reminded(due), new ValidationReminderDue(UUID.randomUUID(), now, timebankId, c.id(),
                c.counterpart(), c.giverId(), c.receiverId(), c.minutes(), c.deadline(), due, due == points.size()));
        return true;
    }

    /**
     * Sets every account's pending minutes back to what its open contributions reserve, and returns
     * the accounts it changed. Reserving minutes and recording the contribution are two writes
     * without a transaction, so a crash between them leaves minutes reserved for nothing: they
     * count against the limits but nobody can ever confirm them. This gives them back. Balances
     * and entries are never touched. With nothing to repair it writes nothing.
     */
    public List<Account> reconcilePending(String timebankId) {
        Map<String, Long> debits = new HashMap<>();
        Map<String, Long> credits = new HashMap<>();
        for (Contribution c : store.openContributions(timebankId)) {
            debits.merge(c.receiverId(), c.minutes(), Long::sum);
            credits.merge(c.giverId(), c.minutes(), Long::sum);
        }
        List<Account> repaired = new ArrayList<>();
        for (Account a : store.accounts(timebankId)) {
            long debit = debits.getOrDefault(a.id(), 0L);
            long credit = credits.getOrDefault(a.id(), 0L);
            if (a.debitsPending() != debit || a.creditsPending() != credit) {
                repaired.add(a.withPending(debit, credit));
            }
        }
        if (!repaired.isEmpty()) {
            store.commit(new Change(timebankId, List.of(), repaired, List.of(), null, List.of()));
        }
        return repaired;
    }

    /** A member spends minutes on an organisation's offer; posted at once. */
    public Decision<LedgerEntry> redeem(String timebankId, String transferId, String memberId, String organisationId,
                                        long minutes, String offer) {
        Optional<Account> member = store.account(timebankId, memberId);
        Optional<Account> organisation = store.account(timebankId, organisationId);
        if (member.isEmpty() || member.get().kind() != AccountKind.MEMBER) {
            return Decision.unknown("There is no member '" + memberId + "' in this timebank.");
        }
        if (organisation.isEmpty() || organisation.get().kind() != AccountKind.ORGANISATION) {
            return Decision.refused("Hours are spent on an organisation's offer; '" + organisationId + "' is not an organisation here.");
        }
        return transferNow(timebankId, transferId, member.get(), organisation.get(), minutes, TransferReason.REDEMPTION,
                entry -> new HoursRedeemed(UUID.randomUUID(), entry.postedAt(), timebankId, transferId, memberId,
                        organisationId, minutes, offer));
    }

    /** A member gives minutes to another member or to an organisation's pot; posted at once. */
    public Decision<LedgerEntry> gift(String timebankId, String transferId, String fromMemberId, String toAccountId,
                                      long minutes, String note) {
        Optional<Account> from = store.account(timebankId, fromMemberId);
        Optional<Account> to = store.account(timebankId, toAccountId);
        if (from.isEmpty() || from.get().kind() != AccountKind.MEMBER) {
            return Decision.unknown("There is no member '" + fromMemberId + "' in this timebank.");
        }
        if (to.isEmpty() || toAccountId.equals(fromMemberId)) {
            return Decision.refused("Give to another member or to an organisation of this timebank.");
        }
        return transferNow(timebankId, transferId, from.get(), to.get(), minutes, TransferReason.GIFT,
                entry -> new HoursGifted(UUID.randomUUID(), entry.postedAt(), timebankId, transferId, fromMemberId,
                        toAccountId, minutes, note));
    }

    /** A coordinator corrects a posted transfer with a new one going the other way; the original stays. */
    public Decision<LedgerEntry> reverse(String timebankId, String transferId, Actor actor, String reason) {
        if (!actor.is("COORDINATOR") && !actor.is("ADMIN")) {
            return Decision.refused("Only a coordinator can correct the ledger.");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            return Decision.refused("A correction needs its reason, in at most " + MAX_TEXT + " characters.");
        }
        Optional<LedgerEntry> original = store.entryByTransfer(timebankId, transferId);
        if (original.isEmpty()) {
            return Decision.unknown("There is no transfer '" + transferId + "' in this timebank's ledger.");
        }
        if (original.get().reason() == TransferReason.REVERSAL) {
            return Decision.refused("A correction cannot itself be reversed; post a new transfer instead.");
        }
        String reversalId = "r:" + transferId;
        Optional<LedgerEntry> done = store.entryByTransfer(timebankId, reversalId);
        if (done.isPresent()) {
            return Decision.accepted(done.get());
        }
        LedgerEntry o = original.get();
        Account debit = store.account(timebankId, o.creditAccountId()).orElseThrow();
        Account credit = store.account(timebankId, o.debitAccountId()).orElseThrow();
        return post(timebankId, reversalId, debit, credit, o.minutes(), TransferReason.REVERSAL, null, transferId, 0, 0,
                null, entry -> List.of(new TransferReversed(UUID.randomUUID(), entry.postedAt(), timebankId, reversalId,
                        transferId, actor.id(), reason.strip(), o.minutes())), true);
    }

    /** One attendance of a group activity: a member's minutes and the kind of their part. */
    public record Attendance(String memberId, long minutes) {
    }

    /**
     * Records a group activity's register: each attendance becomes a contribution given by the
     * attendee and received by the organisation, logged by the organiser on the attendees' behalf.
     * Sending the same register again logs nothing twice (attendance ids derive from the activity).
     */
    public Decision<List<Contribution>> recordGroupActivity(String timebankId, String activityId, String organisationId,
                                                            Actor organiser, String title, CoproductionKind kind,
                                                            LocalDate happenedOn, List<Attendance> register) {
        if (!organiser.isCoordinatorOrStaff()) {
            return Decision.refused("Only coordinators and staff record group activities.");
        }
        Optional<Account> organisation = store.account(timebankId, organisationId);
        if (organisation.isEmpty() || organisation.get().kind() != AccountKind.ORGANISATION) {
            return Decision.refused("A group activity is received by an organisation; '" + organisationId + "' is not one here.");
        }
        if (register.isEmpty() || register.stream().map(Attendance::memberId).distinct().count() != register.size()) {
            return Decision.refused("The register lists each attendee once, and at least one.");
        }
        List<Contribution> logged = new ArrayList<>();
        long total = 0;
        for (Attendance attendance : register) {
            LogCommand command = new LogCommand(activityId + ":" + attendance.memberId(), organiser, false, true,
                    LoggedBy.GIVER, attendance.memberId(), organisationId, attendance.minutes(), happenedOn, kind,
                    title, null);
            Optional<Contribution> existing = store.contribution(timebankId, command.contributionId());
            Decision<Contribution> decision = existing.isPresent() ? retryOf(existing.get(), command)
                    : logAttendance(timebankId, command, activityId);
            if (!decision.isAccepted()) {
                return Decision.refused("Attendee " + attendance.memberId() + ": " + decision.refusal());
            }
            logged.add(decision.value());
            total += attendance.minutes();
        }
        store.commit(new Change(timebankId, List.of(), List.of(), List.of(), null, List.of(new GroupActivityRecorded(
                UUID.randomUUID(), clock.instant(), timebankId, activityId, organisationId, organiser.id(), title, kind,
                happenedOn, register.size(), total))));
        return Decision.accepted(logged);
    }

    private Decision<Contribution> logAttendance(String timebankId, LogCommand c, String activityId) {
        Policy policy = store.policy(timebankId).orElseThrow();
        String invalid = invalidLog(policy, c);
        if (invalid != null) {
            return Decision.refused(invalid);
        }
        Optional<Account> giver = store.account(timebankId, c.giverId());
        if (giver.isEmpty() || giver.get().kind() != AccountKind.MEMBER) {
            return Decision.refused("is not a member of this timebank.");
        }
        if (!giver.get().active()) {
            return Decision.refused("is suspended.");
        }
        return reserve(timebankId, policy, c, giver.get(), store.account(timebankId, c.receiverId()).orElseThrow(), activityId);
    }

    /** One validation by the organisation's staff posts every attendance still waiting. */
    public Decision<List<Contribution>> validateGroupActivity(String timebankId, String activityId, Actor staff,
                                                              String note) {
        if (!staff.isCoordinatorOrStaff()) {
            return Decision.refused("Only the organisation's staff, or a coordinator, can confirm a group activity.");
        }
        List<Contribution> attendances = store.contributionsOfActivity(timebankId, activityId);
        if (attendances.isEmpty()) {
            return Decision.unknown("There is no group activity '" + activityId + "' here.");
        }
        List<Contribution> result = new ArrayList<>();
        for (Contribution attendance : attendances) {
            if (attendance.state() != ContributionState.LOGGED) {
                result.add(attendance);
                continue;
            }
            Decision<Contribution> validated = validate(timebankId, attendance.id(), staff, note);
            if (!validated.isAccepted()) {
                return validated.refusedAs();
            }
            result.add(validated.value());
        }
        return Decision.accepted(result);
    }

    // --- shared steps -----------------------------------------------------------------------

    private Decision<Contribution> post(String timebankId, Contribution open, Contribution closed, long posted,
                                        Actor actor, java.util.function.Consumer<List<DomainEvent>> stateEvent) {
        Account receiver = store.account(timebankId, open.receiverId()).orElseThrow();
        Account giver = store.account(timebankId, open.giverId()).orElseThrow();
        Decision<LedgerEntry> entry = post(timebankId, closed.transferId(), receiver, giver, posted,
                TransferReason.CONTRIBUTION, open.id(), null, open.minutes(), open.minutes(), closed, e -> {
                    List<DomainEvent> events = new ArrayList<>();
                    stateEvent.accept(events);
                    return events;
                }, true);
        return entry.isAccepted() ? Decision.accepted(closed) : entry.refusedAs();
    }

    private Decision<LedgerEntry> transferNow(String timebankId, String transferId, Account debit, Account credit,
                                              long minutes, TransferReason reason,
                                              java.util.function.Function<LedgerEntry, DomainEvent> fact) {
        if (transferId == null || transferId.isBlank() || transferId.length() > 100) {
            return Decision.refused("A transfer needs an id (at most 100 characters) so a retry cannot post it twice.");
        }
        Optional<LedgerEntry> done = store.entryByTransfer(timebankId, transferId);
        if (done.isPresent()) {
            LedgerEntry d = done.get();
            boolean same = d.debitAccountId().equals(debit.id()) && d.creditAccountId().equals(credit.id())
                    && d.minutes() == minutes && d.reason() == reason;
            return same ? Decision.accepted(d) : Decision.refused("This transfer id is already used for another transfer.");
        }
        if (minutes < 1 || minutes > Minutes.hours(1000).value()) {
            return Decision.refused("Transfer between 1 minute and 1000 hours.");
        }
        if (!debit.active()) {
            return Decision.refused("A suspended member cannot spend or give hours.");
        }
        return post(timebankId, transferId, debit, credit, minutes, reason, null, null, 0, 0, null,
                entry -> List.of(fact.apply(entry)), true);
    }

    /**
     * Posts one entry: checks both limits, moves the minutes (settling {@code releaseDebit} and
     * {@code releaseCredit} pending minutes first), chains the entry and commits it with its events.
     */
    private Decision<LedgerEntry> post(String timebankId, String transferId, Account debit, Account credit, long minutes,
                                       TransferReason reason, String contributionId, String reverses, long releaseDebit,
                                       long releaseCredit, Contribution closed,
                                       java.util.function.Function<LedgerEntry, List<DomainEvent>> facts,
                                       boolean checkLimits) {
        Policy policy = store.policy(timebankId).orElseThrow();
        Minutes amount = Minutes.of(minutes);
        Account d = debit.releaseDebit(Minutes.of(releaseDebit));
        Account c = credit.releaseCredit(Minutes.of(releaseCredit));
        if (checkLimits) {
            String limit = firstNonNull(d.refuseDebit(amount, policy), c.refuseCredit(amount, policy));
            if (limit != null) {
                return Decision.refused(limit);
            }
        }
        ChainHead head = store.head(timebankId);
        long sequence = head.sequence() + 1;
        Account debited = d.debit(amount, sequence);
        Account credited = c.credit(amount, sequence);
        LedgerEntry entry = LedgerEntry.next(head, transferId, debit.id(), credit.id(), minutes, reason, contributionId,
                reverses, releaseDebit, debited.balance(), credited.balance(),
                // stores keep milliseconds; the hashed content must survive a round trip unchanged
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        List<DomainEvent> events = new ArrayList<>(facts.apply(entry));
        events.add(new TransferPosted(UUID.randomUUID(), entry.postedAt(), timebankId, transferId, debit.id(), credit.id(),
                minutes, reason, debited.balance(), credited.balance(), contributionId, reverses, sequence, entry.hash()));
        warnings(policy, debit, debited, events);
        warnings(policy, credit, credited, events);
        store.commit(new Change(timebankId, List.of(entry), List.of(debited, credited),
                closed == null ? List.of() : List.of(closed), head.after(entry), events));
        return Decision.accepted(entry);
    }

    private void warnings(Policy policy, Account before, Account after, List<DomainEvent> events) {
        long margin = policy.warningMargin().value();
        if (margin == 0) {
            return;
        }
        long low = policy.minimum(after.kind()).value() + margin;
        long high = policy.maximum(after.kind()).value() - margin;
        if (before.balance() > low && after.balance() <= low) {
            events.add(new SoftLimitCrossed(UUID.randomUUID(), clock.instant(), after.timebankId(), after.id(),
                    after.balance(), low, policy.minimum(after.kind()).value(), "LOW"));
        }
        if (before.balance() < high && after.balance() >= high) {
            events.add(new SoftLimitCrossed(UUID.randomUUID(), clock.instant(), after.timebankId(), after.id(),
                    after.balance(), high, policy.maximum(after.kind()).value(), "HIGH"));
        }
    }

    private Decision<Contribution> voidPending(String timebankId, Contribution open, Contribution closed,
                                               DomainEvent event) {
        Minutes minutes = Minutes.of(open.minutes());
        Account receiver = store.account(timebankId, open.receiverId()).orElseThrow().releaseDebit(minutes);
        Account giver = store.account(timebankId, open.giverId()).orElseThrow().releaseCredit(minutes);
        store.commit(new Change(timebankId, List.of(), List.of(receiver, giver), List.of(closed), null, List.of(event)));
        return Decision.accepted(closed);
    }

    private void commitState(String timebankId, Contribution changed, DomainEvent event) {
        store.commit(new Change(timebankId, List.of(), List.of(), List.of(changed), null, List.of(event)));
    }

    private String refuseResolution(Contribution c, Actor actor) {
        if (c.state() != ContributionState.DISPUTED) {
            return "Only a disputed contribution is resolved or rejected; this one is " + c.state().name().toLowerCase() + ".";
        }
        if (!actor.is("COORDINATOR") && !actor.is("ADMIN")) {
            return "Only a coordinator resolves disputes.";
        }
        if (c.isPartyTo(actor.id())) {
            return "You are part of this contribution, so another coordinator must resolve it.";
        }
        return null;
    }

    private String invalidLog(Policy policy, LogCommand c) {
        if (c.contributionId() == null || c.contributionId().isBlank() || c.contributionId().length() > 100) {
            return "A contribution needs an id of at most 100 characters.";
        }
        if (c.minutes() < 1 || c.minutes() > Minutes.ONE_DAY.value()) {
            return "A contribution lasts from 1 minute to 24 hours (1440 minutes).";
        }
        if (c.giverId() == null || c.receiverId() == null || c.giverId().equals(c.receiverId())) {
            return "A contribution is time given by one person to someone else.";
        }
        if (c.kind() == null || !policy.kinds().contains(c.kind())) {
            return "This timebank does not use the kind '" + c.kind() + "'.";
        }
        if (c.side() == null) {
            return "Say whether you gave or received this time.";
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), policy.zone());
        if (c.happenedOn() == null || c.happenedOn().isAfter(today)) {
            return "A contribution is logged once it has happened, not before.";
        }
        if (c.happenedOn().isBefore(today.minusDays(policy.validationWindow().toDays()))) {
            return "This is older than " + policy.validationWindow().toDays() + " days, the window of this timebank; ask a coordinator.";
        }
        if (c.description() != null && c.description().length() > MAX_TEXT) {
            return "A description is at most " + MAX_TEXT + " characters.";
        }
        return null;
    }

    private String refuseParties(Optional<Account> giver, Optional<Account> receiver, LogCommand c, String timebankId,
                                 Policy policy) {
        if (giver.isEmpty() || giver.get().kind() != AccountKind.MEMBER) {
            return "The giver must be a member of this timebank.";
        }
        if (receiver.isEmpty()) {
            return "The receiver must be a member or an organisation of this timebank.";
        }
        Account logging = c.side() == LoggedBy.GIVER ? giver.get() : receiver.get();
        if (logging.kind() != AccountKind.MEMBER) {
            return "An organisation's time is recorded as a group activity.";
        }
        if (!giver.get().active() || !receiver.get().active()) {
            return "A suspended member cannot log time; a coordinator can reactivate them.";
        }
        if (!c.actor().id().equals(logging.id())) {
            if (!policy.logOnBehalfAllowed()) {
                return "This timebank does not allow logging on someone else's behalf.";
            }
            if (!c.actor().is("COORDINATOR") && !c.actorIsSupporter()) {
                return "You can log for someone else only as a coordinator or as a supporter they named.";
            }
            if (!c.consentRecorded()) {
                return "Logging for someone else needs their consent; record that they agreed.";
            }
        }
        if (c.matchId() != null) {
            Optional<BookStore.AgreedMatch> match = store.agreedMatch(timebankId, c.matchId());
            if (match.isEmpty() || !match.get().giverId().equals(c.giverId())
                    || !match.get().receiverId().equals(c.receiverId())) {
                return "There is no agreed match '" + c.matchId() + "' between these two members.";
            }
        }
        return null;
    }

    private static String loggingMember(LogCommand c) {
        return c.side() == LoggedBy.GIVER ? c.giverId() : c.receiverId();
    }

    private static Decision<Contribution> retryOf(Contribution existing, LogCommand c) {
        Contribution asked = new Contribution(c.contributionId(), existing.timebankId(), c.giverId(), c.receiverId(),
                c.side(), null, null, c.minutes(), c.happenedOn(), c.kind(), null, null, null, null, null, null, 0, null,
                null, null, 0);
        return existing.sameFactsAs(asked) ? Decision.accepted(existing)
                : Decision.refused("This contribution id is already used for another contribution.");
    }

    /**
     * Loads the contribution and applies {@code rule} to it. Sending the same decision again (the
     * contribution already in {@code retriedState}, decided by the same actor) is a retry: it
     * answers with the contribution as it is and changes nothing.
     */
    private Decision<Contribution> decide(String timebankId, String contributionId, Actor actor,
                                          ContributionState retriedState,
                                          java.util.function.Function<Contribution, Decision<Contribution>> rule) {
        Optional<Contribution> found = store.contribution(timebankId, contributionId);
        if (found.isEmpty()) {
            return notFound(contributionId);
        }
        Contribution c = found.get();
        if (c.state() == retriedState && actor.id().equals(c.decidedBy())) {
            return Decision.accepted(c);
        }
        return rule.apply(c);
    }

    private static Decision<Contribution> notFound(String contributionId) {
        return Decision.unknown("There is no contribution '" + contributionId + "' in this timebank.");
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
