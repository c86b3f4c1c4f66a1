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
import org.reciprocity.kit.problem.Refusal;
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

    /**
     * What the events say of a member's own words (a description, a thank-you note, a reason, a note, a
     * title, an offer): nothing. The topics are kept for ever and read by every service, and such words
     * can say a lot about someone's health. Those the ledger's pages show stay in the contribution's
     * document, read under the parties' access rules; a gift's note and a redemption's offer, which no
     * page shows, are kept nowhere (issue 18, docs/personal-data.md 2.3).
     */
    static final String OFF_THE_TOPIC = null;

    private final BookStore store;
    private final Clock clock;

    public Ledger(BookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Who is acting: their member id, their roles in this timebank, and the organisations that list
     * them among their staff.
     */
    public record Actor(String id, Set<String> roles, java.util.function.Predicate<String> staffOf) {

        public Actor(String id, Set<String> roles) {
            this(id, roles, organisation -> false);
        }

        public Actor(String id, Set<String> roles, Set<String> staffOf) {
            this(id, roles, staffOf::contains);
        }

        boolean is(String role) {
            return roles.contains(role);
        }

        /** A coordinator, or an admin who runs the timebank. */
        boolean isCoordinator() {
            return is("COORDINATOR") || is("ADMIN");
        }

        /** Listed by the organisation as one of its staff: the role STAFF alone is not enough. */
        boolean isStaffOf(String organisationId) {
            return staffOf.test(organisationId);
        }

        /**
         * Whether a refusal may show this person an account's figures and status (balance,
         * minutes waiting, on hold): their own account, any account for a coordinator, their
         * organisation's for its staff. Anyone else is told only that it cannot be done now.
         */
        boolean maySeeFiguresOf(Account account) {
            return id.equals(account.id()) || isCoordinator()
                    || account.kind() == AccountKind.ORGANISATION && isStaffOf(account.id());
        }

        /** Someone acting for themself alone: the member who spends or gives their own hours. */
        static Actor owner(String memberId) {
            return new Actor(memberId, Set.of("MEMBER"));
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
            return Decision.refused(LedgerRefusal.NO_TIMEBANK, "timebank", timebankId);
        }
        Optional<Contribution> existing = store.contribution(timebankId, c.contributionId());
        if (existing.isPresent()) {
            return retryOf(existing.get(), c);
        }
        Refusal invalid = invalidLog(policy.get(), c);
        if (invalid != null) {
            return Decision.refused(invalid);
        }
        Optional<Account> giver = store.account(timebankId, c.giverId());
        Optional<Account> receiver = store.account(timebankId, c.receiverId());
        Refusal refusal = refuseParties(giver, receiver, c, timebankId, policy.get());
        if (refusal != null) {
            return Decision.refused(refusal);
        }
        return reserve(timebankId, policy.get(), c, giver.get(), receiver.get(), null);
    }

    private Decision<Contribution> reserve(String timebankId, Policy policy, LogCommand c, Account giver,
                                           Account receiver, String activityId) {
        Minutes minutes = Minutes.of(c.minutes());
        Refusal limit = firstNonNull(receiver.refuseDebit(minutes, policy, c.actor()),
                giver.refuseCredit(minutes, policy, c.actor()));
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
                c.minutes(), c.happenedOn(), c.kind(), OFF_THE_TOPIC, c.matchId(), activityId, contribution.deadline());
        store.commit(new Change(timebankId, List.of(),
                List.of(receiver.reserveDebit(minutes), giver.reserveCredit(minutes)), List.of(contribution), null,
                List.of(logged)));
        return Decision.accepted(contribution);
    }

    public Decision<Contribution> validate(String timebankId, String contributionId, Actor actor, String note) {
        return decide(timebankId, contributionId, actor, ContributionState.VALIDATED, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused(LedgerRefusal.NOT_OPEN, "state", c.state(), "action", "CONFIRM");
            }
            if (c.wasLoggedBy(actor.id())) {
                return Decision.refused(LedgerRefusal.LOGGER_CANNOT_CONFIRM);
            }
            if (!mayConfirm(timebankId, c, actor)) {
                return Decision.refused(LedgerRefusal.NOT_THE_COUNTERPART);
            }
            if (note != null && note.length() > MAX_TEXT) {
                return Decision.refused(LedgerRefusal.NOTE_TOO_LONG, "max", MAX_TEXT);
            }
            Contribution validated = c.decided(ContributionState.VALIDATED, actor.id(), note, c.minutes());
            return post(timebankId, c, validated, c.minutes(), actor, events -> events.add(new ContributionValidated(
                    UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(), c.giverId(), c.receiverId(),
                    c.minutes(), OFF_THE_TOPIC, c.matchId(), validated.transferId())));
        });
    }

    /**
     * The other person confirms; for time an organisation received, its listed staff; a coordinator
     * may confirm anything they are not part of.
     */
    private boolean mayConfirm(String timebankId, Contribution c, Actor actor) {
        Account counterpart = store.account(timebankId, c.counterpart()).orElseThrow();
        if (counterpart.kind() == AccountKind.ORGANISATION) {
            return actor.isStaffOf(counterpart.id()) || actor.isCoordinator();
        }
        return actor.id().equals(c.counterpart()) || actor.isCoordinator();
    }

    public Decision<Contribution> dispute(String timebankId, String contributionId, Actor actor, String reason) {
        return decide(timebankId, contributionId, actor, ContributionState.DISPUTED, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused(LedgerRefusal.NOT_OPEN, "state", c.state(), "action", "DISPUTE");
            }
            if (!actor.id().equals(c.counterpart()) || c.wasLoggedBy(actor.id())) {
                return Decision.refused(LedgerRefusal.ONLY_COUNTERPART_DISPUTES);
            }
            if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
                return Decision.refused(LedgerRefusal.REASON_NEEDED, "max", MAX_TEXT);
            }
            Contribution disputed = c.disputed(actor.id(), reason.strip());
            commitState(timebankId, disputed, new ContributionDisputed(UUID.randomUUID(), clock.instant(), timebankId,
                    c.id(), actor.id(), c.giverId(), c.receiverId(), OFF_THE_TOPIC));
            return Decision.accepted(disputed);
        });
    }

    /** A coordinator settles a dispute in favour of the contribution, perhaps with other minutes. */
    public Decision<Contribution> resolve(String timebankId, String contributionId, Actor actor, Long amendedMinutes,
                                          String note) {
        return decide(timebankId, contributionId, actor, ContributionState.VALIDATED, c -> {
            Refusal refusal = refuseResolution(c, actor);
            if (refusal != null) {
                return Decision.refused(refusal);
            }
            long posted = amendedMinutes == null ? c.minutes() : amendedMinutes;
            if (posted < 1 || posted > Minutes.ONE_DAY.value()) {
                return Decision.refused(LedgerRefusal.MINUTES_OUT_OF_RANGE);
            }
            Contribution resolved = c.decided(ContributionState.VALIDATED, actor.id(), note, posted);
            return post(timebankId, c, resolved, posted, actor, events -> events.add(new ContributionResolved(
                    UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(), c.giverId(), c.receiverId(),
                    c.minutes(), posted, OFF_THE_TOPIC, c.matchId(), resolved.transferId())));
        });
    }

    public Decision<Contribution> reject(String timebankId, String contributionId, Actor actor, String reason) {
        return decide(timebankId, contributionId, actor, ContributionState.REJECTED, c -> {
            Refusal refusal = refuseResolution(c, actor);
            if (refusal != null) {
                return Decision.refused(refusal);
            }
            return voidPending(timebankId, c, c.decided(ContributionState.REJECTED, actor.id(), reason, 0),
                    new ContributionRejected(UUID.randomUUID(), clock.instant(), timebankId, c.id(), actor.id(),
                            c.giverId(), c.receiverId(), OFF_THE_TOPIC));
        });
    }

    public Decision<Contribution> withdraw(String timebankId, String contributionId, Actor actor) {
        return decide(timebankId, contributionId, actor, ContributionState.WITHDRAWN, c -> {
            if (c.state() != ContributionState.LOGGED) {
                return Decision.refused(LedgerRefusal.NOT_OPEN, "state", c.state(), "action", "WITHDRAW");
            }
            if (!c.wasLoggedBy(actor.id())) {
                return Decision.refused(LedgerRefusal.ONLY_LOGGER_WITHDRAWS);
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
            return Decision.refused(LedgerRefusal.NO_MEMBER, "member", memberId);
        }
        if (organisation.isEmpty() || organisation.get().kind() != AccountKind.ORGANISATION) {
            return Decision.refused(LedgerRefusal.NOT_AN_ORGANISATION, "account", organisationId);
        }
        return transferNow(timebankId, transferId, member.get(), organisation.get(), minutes, TransferReason.REDEMPTION,
                entry -> new HoursRedeemed(UUID.randomUUID(), entry.postedAt(), timebankId, transferId, memberId,
                        organisationId, minutes, OFF_THE_TOPIC));
    }

    /** A member gives minutes to another member or to an organisation's pot; posted at once. */
    public Decision<LedgerEntry> gift(String timebankId, String transferId, String fromMemberId, String toAccountId,
                                      long minutes, String note) {
        Optional<Account> from = store.account(timebankId, fromMemberId);
        Optional<Account> to = store.account(timebankId, toAccountId);
        if (from.isEmpty() || from.get().kind() != AccountKind.MEMBER) {
            return Decision.refused(LedgerRefusal.NO_MEMBER, "member", fromMemberId);
        }
        if (to.isEmpty() || toAccountId.equals(fromMemberId)) {
            return Decision.refused(LedgerRefusal.GIFT_TO_SELF_OR_UNKNOWN);
        }
        return transferNow(timebankId, transferId, from.get(), to.get(), minutes, TransferReason.GIFT,
                entry -> new HoursGifted(UUID.randomUUID(), entry.postedAt(), timebankId, transferId, fromMemberId,
                        toAccountId, minutes, OFF_THE_TOPIC));
    }

    /** The id of the one transfer that may reverse {@code transferId}: a second reversal finds it and posts nothing. */
    public static String reversalIdOf(String transferId) {
        return "r:" + transferId;
    }

    /**
     * A coordinator corrects a posted transfer with a new one going the other way; the original stays.
     * The reason is required but not published: the API keeps it ({@code account/Corrections}).
     */
    public Decision<LedgerEntry> reverse(String timebankId, String transferId, Actor actor, String reason) {
        if (!actor.isCoordinator()) {
            return Decision.refused(LedgerRefusal.ONLY_COORDINATOR_CORRECTS);
        }
        if (reason == null || !hasSomethingToRead(reason) || reason.length() > MAX_TEXT) {
            return Decision.refused(LedgerRefusal.CORRECTION_REASON_NEEDED, "max", MAX_TEXT);
        }
        Optional<LedgerEntry> original = store.entryByTransfer(timebankId, transferId);
        if (original.isEmpty()) {
            return Decision.refused(LedgerRefusal.NO_TRANSFER, "transfer", transferId);
        }
        if (original.get().reason() == TransferReason.REVERSAL) {
            return Decision.refused(LedgerRefusal.REVERSAL_NOT_REVERSIBLE);
        }
        String reversalId = reversalIdOf(transferId);
        Optional<LedgerEntry> done = store.entryByTransfer(timebankId, reversalId);
        if (done.isPresent()) {
            return Decision.accepted(done.get());
        }
        LedgerEntry o = original.get();
        Account debit = store.account(timebankId, o.creditAccountId()).orElseThrow();
        Account credit = store.account(timebankId, o.debitAccountId()).orElseThrow();
        return post(timebankId, reversalId, debit, credit, o.minutes(), TransferReason.REVERSAL, null, transferId, 0, 0,
                null, entry -> List.of(new TransferReversed(UUID.randomUUID(), entry.postedAt(), timebankId, reversalId,
                        transferId, actor.id(), OFF_THE_TOPIC, o.minutes())), actor);
    }

    /**
     * Whether a text holds at least one character a reader sees: a reason of only no-break spaces or
     * zero-width characters passes {@link String#isBlank()} but shows the member an empty "why".
     */
    static boolean hasSomethingToRead(String text) {
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c));
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
        if (!organiser.isCoordinator() && !organiser.isStaffOf(organisationId)) {
            return Decision.refused(LedgerRefusal.NOT_ORGANISATION_STAFF, "organisation", organisationId);
        }
        Optional<Account> organisation = store.account(timebankId, organisationId);
        if (organisation.isEmpty() || organisation.get().kind() != AccountKind.ORGANISATION) {
            return Decision.refused(LedgerRefusal.NOT_AN_ORGANISATION, "account", organisationId);
        }
        if (register.isEmpty() || register.stream().map(Attendance::memberId).distinct().count() != register.size()) {
            return Decision.refused(LedgerRefusal.REGISTER_INVALID);
        }
        // the whole register is decided first, each attendance against what the earlier ones reserved
        Draft draft = new Draft(store, timebankId);
        Ledger drafting = new Ledger(draft, clock);
        List<Contribution> logged = new ArrayList<>();
        long total = 0;
        for (Attendance attendance : register) {
            LogCommand command = new LogCommand(activityId + ":" + attendance.memberId(), organiser, false, true,
                    LoggedBy.GIVER, attendance.memberId(), organisationId, attendance.minutes(), happenedOn, kind,
                    title, null);
            Optional<Contribution> existing = draft.contribution(timebankId, command.contributionId());
            Decision<Contribution> decision = existing.isPresent() ? retryOf(existing.get(), command)
                    : drafting.logAttendance(timebankId, command, activityId);
            if (!decision.isAccepted()) {
                return Decision.refused(attendeeRefused(attendance.memberId(), decision.refusal()));
            }
            logged.add(decision.value());
            total += attendance.minutes();
        }
        // then written as one change: every attendance, every reservation and every event, or nothing
        draft.whole(List.of(new GroupActivityRecorded(UUID.randomUUID(), clock.instant(), timebankId, activityId,
                organisationId, organiser.id(), OFF_THE_TOPIC, kind, happenedOn, register.size(), total)))
                .ifPresent(store::commit);
        return Decision.accepted(logged);
    }

    /**
     * Why one attendance refuses the whole register, worded by its code ({@code cause}, a key of
     * the bundle), with the attendance's own parameters for a program: they were already chosen
     * for the organiser, so they carry no figures the organiser may not see.
     */
    private static Refusal attendeeRefused(String attendee, Refusal cause) {
        if (cause.reason() == LedgerRefusal.ATTENDEE_NOT_MEMBER || cause.reason() == LedgerRefusal.ATTENDEE_SUSPENDED) {
            return cause;
        }
        Map<String, Object> params = new java.util.LinkedHashMap<>(cause.params());
        params.put("attendee", attendee);
        // the domain knows ids only: the web adapter puts the attendee's name here for the organiser
        params.put("name", attendee);
        params.put("cause", cause.code());
        return new Refusal(LedgerRefusal.ATTENDEE_REFUSED, params);
    }

    private Decision<Contribution> logAttendance(String timebankId, LogCommand c, String activityId) {
        Policy policy = store.policy(timebankId).orElseThrow();
        Refusal invalid = invalidLog(policy, c);
        if (invalid != null) {
            return Decision.refused(invalid);
        }
        Optional<Account> giver = store.account(timebankId, c.giverId());
        if (giver.isEmpty() || giver.get().kind() != AccountKind.MEMBER) {
            return Decision.refused(LedgerRefusal.ATTENDEE_NOT_MEMBER, "attendee", c.giverId());
        }
        if (!giver.get().active()) {
            // an organisation's staff are not told a member is on hold; a coordinator is
            return c.actor().maySeeFiguresOf(giver.get())
                    ? Decision.refused(LedgerRefusal.ATTENDEE_SUSPENDED, "attendee", c.giverId(), "name", c.giverId())
                    : Decision.refused(LedgerRefusal.OTHER_PARTY_CANNOT_TAKE_THIS);
        }
        return reserve(timebankId, policy, c, giver.get(), store.account(timebankId, c.receiverId()).orElseThrow(), activityId);
    }

    /** One validation by the organisation's staff posts every attendance still waiting. */
    public Decision<List<Contribution>> validateGroupActivity(String timebankId, String activityId, Actor staff,
                                                              String note) {
        List<Contribution> attendances = store.contributionsOfActivity(timebankId, activityId);
        if (attendances.isEmpty()) {
            return Decision.refused(LedgerRefusal.NO_ACTIVITY, "activity", activityId);
        }
        String organisationId = attendances.get(0).receiverId();
        if (!staff.isCoordinator() && !staff.isStaffOf(organisationId)) {
            return Decision.refused(LedgerRefusal.NOT_ORGANISATION_STAFF, "organisation", organisationId);
        }
        // every posting decided first, each chained after the one before, then committed as one change
        Draft draft = new Draft(store, timebankId);
        Ledger drafting = new Ledger(draft, clock);
        List<Contribution> result = new ArrayList<>();
        for (Contribution attendance : attendances) {
            if (attendance.state() != ContributionState.LOGGED) {
                result.add(attendance);
                continue;
            }
            Decision<Contribution> validated = drafting.validate(timebankId, attendance.id(), staff, note);
            if (!validated.isAccepted()) {
                return validated.refusedAs();
            }
            result.add(validated.value());
        }
        draft.whole(List.of()).ifPresent(store::commit);
        return Decision.accepted(result);
    }

    /**
     * A coordinator records a group activity's register and confirms it in one step (issue 16):
     * both are drafted, then committed as one change, so either every attendance is logged and posted
     * or nothing is. Unlike an organisation's staff, a coordinator may confirm a register they recorded
     * themselves. Sending it again changes nothing twice: attendances already posted are answered as they are.
     */
    public Decision<List<Contribution>> recordAndConfirmGroupActivity(String timebankId, String activityId,
                                                                      String organisationId, Actor coordinator,
                                                                      String title, CoproductionKind kind,
                                                                      LocalDate happenedOn, List<Attendance> register,
                                                                      String note) {
        if (!coordinator.isCoordinator()) {
            return Decision.refused(LedgerRefusal.ONLY_COORDINATOR_RESOLVES);
        }
        if (note != null && note.length() > MAX_TEXT) {
            return Decision.refused(LedgerRefusal.NOTE_TOO_LONG, "max", MAX_TEXT);
        }
        Draft draft = new Draft(store, timebankId);
        Ledger drafting = new Ledger(draft, clock);
        List<Contribution> attendances = store.contributionsOfActivity(timebankId, activityId);
        if (attendances.isEmpty()) {
            Decision<List<Contribution>> recorded = drafting.recordGroupActivity(timebankId, activityId, organisationId,
                    coordinator, title, kind, happenedOn, register);
            if (!recorded.isAccepted()) {
                return recorded;
            }
            attendances = recorded.value();
        }
        List<Contribution> result = new ArrayList<>();
        for (Contribution attendance : attendances) {
            Contribution now = draft.contribution(timebankId, attendance.id()).orElseThrow();
            if (now.state() != ContributionState.LOGGED) {
                result.add(now);
                continue;
            }
            Contribution validated = now.decided(ContributionState.VALIDATED, coordinator.id(), note, now.minutes());
            Decision<Contribution> posted = drafting.post(timebankId, now, validated, now.minutes(), coordinator,
                    events -> events.add(new ContributionValidated(UUID.randomUUID(), clock.instant(), timebankId,
                            now.id(), coordinator.id(), now.giverId(), now.receiverId(), now.minutes(), OFF_THE_TOPIC, null,
                            validated.transferId())));
            if (!posted.isAccepted()) {
                return posted.refusedAs();
            }
            result.add(posted.value());
        }
        draft.whole(List.of()).ifPresent(store::commit);
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
                }, actor);
        return entry.isAccepted() ? Decision.accepted(closed) : entry.refusedAs();
    }

    private Decision<LedgerEntry> transferNow(String timebankId, String transferId, Account debit, Account credit,
                                              long minutes, TransferReason reason,
                                              java.util.function.Function<LedgerEntry, DomainEvent> fact) {
        if (transferId == null || transferId.isBlank() || transferId.length() > 100) {
            return Decision.refused(LedgerRefusal.TRANSFER_ID_INVALID, "max", 100);
        }
        Optional<LedgerEntry> done = store.entryByTransfer(timebankId, transferId);
        if (done.isPresent()) {
            LedgerEntry d = done.get();
            boolean same = d.debitAccountId().equals(debit.id()) && d.creditAccountId().equals(credit.id())
                    && d.minutes() == minutes && d.reason() == reason;
            return same ? Decision.accepted(d) : Decision.refused(LedgerRefusal.TRANSFER_ID_REUSED);
        }
        if (minutes < 1 || minutes > Minutes.hours(1000).value()) {
            return Decision.refused(LedgerRefusal.TRANSFER_MINUTES_OUT_OF_RANGE);
        }
        if (!debit.active()) {
            return Decision.refused(LedgerRefusal.SUSPENDED_CANNOT_SPEND);
        }
        return post(timebankId, transferId, debit, credit, minutes, reason, null, null, 0, 0, null,
                entry -> List.of(fact.apply(entry)), Actor.owner(debit.id()));
    }

    /**
     * Posts one entry: checks both limits (worded for {@code reader}), moves the minutes (settling {@code releaseDebit} and
     * {@code releaseCredit} pending minutes first), chains the entry and commits it with its events.
     */
    private Decision<LedgerEntry> post(String timebankId, String transferId, Account debit, Account credit, long minutes,
                                       TransferReason reason, String contributionId, String reverses, long releaseDebit,
                                       long releaseCredit, Contribution closed,
                                       java.util.function.Function<LedgerEntry, List<DomainEvent>> facts,
                                       Actor reader) {
        Policy policy = store.policy(timebankId).orElseThrow();
        Minutes amount = Minutes.of(minutes);
        Account d = debit.releaseDebit(Minutes.of(releaseDebit));
        Account c = credit.releaseCredit(Minutes.of(releaseCredit));
        // the refusal's figures are shown only to whom they belong (or a coordinator): reader says who asks
        Refusal limit = firstNonNull(d.refuseDebit(amount, policy, reader), c.refuseCredit(amount, policy, reader));
        if (limit != null) {
            return Decision.refused(limit);
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

    private Refusal refuseResolution(Contribution c, Actor actor) {
        if (c.state() != ContributionState.DISPUTED) {
            return LedgerRefusal.NOT_DISPUTED.with("state", c.state());
        }
        if (!actor.isCoordinator()) {
            return LedgerRefusal.ONLY_COORDINATOR_RESOLVES.refusal();
        }
        if (c.isPartyTo(actor.id())) {
            return LedgerRefusal.PARTY_CANNOT_RESOLVE.refusal();
        }
        return null;
    }

    private Refusal invalidLog(Policy policy, LogCommand c) {
        if (c.contributionId() == null || c.contributionId().isBlank() || c.contributionId().length() > 100) {
            return LedgerRefusal.CONTRIBUTION_ID_INVALID.with("max", 100);
        }
        if (c.minutes() < 1 || c.minutes() > Minutes.ONE_DAY.value()) {
            return LedgerRefusal.MINUTES_OUT_OF_RANGE.refusal();
        }
        if (c.giverId() == null || c.receiverId() == null || c.giverId().equals(c.receiverId())) {
            return LedgerRefusal.NOT_TO_ONESELF.refusal();
        }
        if (c.kind() == null || !policy.kinds().contains(c.kind())) {
            return LedgerRefusal.KIND_NOT_USED.with("kind", c.kind());
        }
        if (c.side() == null) {
            return LedgerRefusal.SIDE_NEEDED.refusal();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), policy.zone());
        if (c.happenedOn() == null || c.happenedOn().isAfter(today)) {
            return LedgerRefusal.NOT_YET_HAPPENED.refusal();
        }
        if (c.happenedOn().isBefore(today.minusDays(policy.validationWindow().toDays()))) {
            // the earliest day allowed, as a date the reader's language writes, rather than "older than 1 days"
            return LedgerRefusal.OLDER_THAN_WINDOW.with("days", policy.validationWindow().toDays(), "from",
                    today.minusDays(policy.validationWindow().toDays()));
        }
        if (c.description() != null && c.description().length() > MAX_TEXT) {
            return LedgerRefusal.DESCRIPTION_TOO_LONG.with("max", MAX_TEXT);
        }
        return null;
    }

    private Refusal refuseParties(Optional<Account> giver, Optional<Account> receiver, LogCommand c, String timebankId,
                                 Policy policy) {
        if (giver.isEmpty() || giver.get().kind() != AccountKind.MEMBER) {
            return LedgerRefusal.GIVER_NOT_MEMBER.refusal();
        }
        if (receiver.isEmpty()) {
            return LedgerRefusal.RECEIVER_UNKNOWN.refusal();
        }
        Account logging = c.side() == LoggedBy.GIVER ? giver.get() : receiver.get();
        if (logging.kind() != AccountKind.MEMBER) {
            return LedgerRefusal.ORGANISATION_TIME_IS_GROUP_ACTIVITY.refusal();
        }
        Refusal onHold = refuseOnHold(c.actor(), giver.get(), receiver.get());
        if (onHold != null) {
            return onHold;
        }
        if (!c.actor().id().equals(logging.id())) {
            if (!policy.logOnBehalfAllowed()) {
                return LedgerRefusal.ON_BEHALF_NOT_ALLOWED.refusal();
            }
            if (!c.actor().isCoordinator() && !c.actorIsSupporter()) {
                return LedgerRefusal.NOT_COORDINATOR_OR_SUPPORTER.refusal();
            }
            if (!c.consentRecorded()) {
                return LedgerRefusal.CONSENT_NEEDED.refusal();
            }
        }
        if (c.matchId() != null) {
            Optional<BookStore.AgreedMatch> match = store.agreedMatch(timebankId, c.matchId());
            if (match.isEmpty() || !match.get().giverId().equals(c.giverId())
                    || !match.get().receiverId().equals(c.receiverId())) {
                return LedgerRefusal.NO_AGREED_MATCH.with("match", c.matchId());
            }
        }
        return null;
    }

    /**
     * A party whose account is on hold: the member themself, or a coordinator, is told so; the other
     * party is not told another member's status, only that it cannot be recorded now.
     */
    private static Refusal refuseOnHold(Actor actor, Account giver, Account receiver) {
        List<Account> onHold = java.util.stream.Stream.of(giver, receiver).filter(a -> !a.active()).toList();
        if (onHold.isEmpty()) {
            return null;
        }
        if (onHold.stream().anyMatch(a -> a.id().equals(actor.id()))) {
            return LedgerRefusal.SUSPENDED_CANNOT_LOG.with("whose", "YOURS");
        }
        return actor.isCoordinator() ? LedgerRefusal.SUSPENDED_CANNOT_LOG.with("whose", "MEMBER")
                : LedgerRefusal.OTHER_PARTY_CANNOT_TAKE_THIS.refusal();
    }

    private static String loggingMember(LogCommand c) {
        return c.side() == LoggedBy.GIVER ? c.giverId() : c.receiverId();
    }

    private static Decision<Contribution> retryOf(Contribution existing, LogCommand c) {
        Contribution asked = new Contribution(c.contributionId(), existing.timebankId(), c.giverId(), c.receiverId(),
                c.side(), null, null, c.minutes(), c.happenedOn(), c.kind(), null, null, null, null, null, null, 0, null,
                null, null, 0);
        return existing.sameFactsAs(asked) ? Decision.accepted(existing)
                : Decision.refused(LedgerRefusal.CONTRIBUTION_ID_REUSED);
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
        return Decision.refused(LedgerRefusal.NO_CONTRIBUTION, "contribution", contributionId);
    }

    private static Refusal firstNonNull(Refusal a, Refusal b) {
        return a != null ? a : b;
    }
}
