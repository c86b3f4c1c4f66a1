package org.reciprocity.ledger.contribution;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.IdempotencyFilter;
import org.reciprocity.kit.web.SafeId;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.Decision;
import org.reciprocity.ledger.book.Ledger;
import org.reciprocity.ledger.book.LedgerEntry;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.reciprocity.ledger.consent.Consents;
import org.reciprocity.ledger.member.MemberRecords;
import org.reciprocity.ledger.member.Members;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The contribution lifecycle: log, validate, dispute, resolve, reject, withdraw; group activities. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class ContributionController {

    private final Bookkeeping bookkeeping;
    private final Members members;
    private final Actors actors;
    private final MemberRecords records;
    private final Consents consents;

    private final org.reciprocity.ledger.account.Corrections corrections;

    ContributionController(Bookkeeping bookkeeping, Members members, Actors actors, MemberRecords records,
                           Consents consents, org.reciprocity.ledger.account.Corrections corrections) {
        this.corrections = corrections;
        this.consents = consents;
        this.bookkeeping = bookkeeping;
        this.members = members;
        this.actors = actors;
        this.records = records;
    }

    /**
     * Logs time given ("I gave": side GIVER) or received ("I received": side RECEIVER). A coordinator,
     * or a supporter the member named, may log for the member with their consent.
     */
    @Access("LOG_CONTRIBUTION")
    @PostMapping("/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    ContributionResponse log(@PathVariable String timebankId, @Valid @RequestBody LogRequest request) {
        Caller caller = Caller.current();
        String logging = request.side() == LoggedBy.GIVER ? request.giverId() : request.receiverId();
        boolean supporter = !caller.memberId().equals(logging) && members.isSupporter(timebankId, logging, caller.memberId());
        boolean coordinator = caller.has(Role.COORDINATOR) || caller.has(Role.ADMIN);
        if (supporter && !coordinator) {
            // issue 18: the member's withdrawal wins over anything the request says they agreed to
            consents.requireSupporterMayLog(timebankId, logging);
        }
        String id = request.id() != null ? request.id() : newId();
        // consent: said so with this request, (a paper-first member) written on the member's record,
        // or (for a supporter) given by the member on their consents page
        boolean consent = Boolean.TRUE.equals(request.consentRecorded())
                || !caller.memberId().equals(logging) && records.consentOnRecord(timebankId, logging)
                || supporter && consents.isGiven(timebankId, logging, Consent.SUPPORTER_MAY_LOG);
        Ledger.LogCommand command = new Ledger.LogCommand(id, actor(timebankId, caller), supporter,
                consent, request.side(), request.giverId(), request.receiverId(),
                request.minutes(), request.happenedOn(), request.kind(), request.description(), request.matchId());
        return answer(bookkeeping.run(timebankId, ledger -> ledger.log(timebankId, command)));
    }

    @Access("READ_CONTRIBUTION")
    @GetMapping("/contributions/{contributionId}")
    ContributionResponse get(@PathVariable String timebankId, @PathVariable String contributionId) {
        Contribution c = bookkeeping.store().contribution(timebankId, contributionId)
                .orElseThrow(() -> new ApiException(LedgerRefusal.NO_CONTRIBUTION.with("contribution", contributionId)));
        String reversal = c.transferId() == null ? null : bookkeeping.store()
                .entryByTransfer(timebankId, Ledger.reversalIdOf(c.transferId())).map(LedgerEntry::transferId).orElse(null);
        return ContributionResponse.of(c).reversedBy(reversal, corrections.reasonFor(timebankId, reversal).orElse(null));
    }

    @Access("CONFIRM_CONTRIBUTION")
    @PostMapping("/contributions/{contributionId}/validation")
    ContributionResponse validate(@PathVariable String timebankId, @PathVariable String contributionId,
                                  @Valid @RequestBody(required = false) NoteRequest request) {
        String note = request == null ? null : request.note();
        return answer(bookkeeping.run(timebankId, l -> l.validate(timebankId, contributionId, actor(timebankId, Caller.current()), note)));
    }

    @Access("DISPUTE_CONTRIBUTION")
    @PostMapping("/contributions/{contributionId}/dispute")
    ContributionResponse dispute(@PathVariable String timebankId, @PathVariable String contributionId,
                                 @Valid @RequestBody ReasonRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.dispute(timebankId, contributionId, actor(timebankId, Caller.current()),
                request.reason())));
    }

    @Access("RESOLVE_DISPUTE")
    @PostMapping("/contributions/{contributionId}/resolution")
    ContributionResponse resolve(@PathVariable String timebankId, @PathVariable String contributionId,
                                 @Valid @RequestBody ResolveRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.resolve(timebankId, contributionId, actor(timebankId, Caller.current()),
                request.minutes(), request.note())));
    }

    @Access("REJECT_DISPUTED")
    @PostMapping("/contributions/{contributionId}/rejection")
    ContributionResponse reject(@PathVariable String timebankId, @PathVariable String contributionId,
                                @Valid @RequestBody ReasonRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.reject(timebankId, contributionId, actor(timebankId, Caller.current()),
                request.reason())));
    }

    @Access("WITHDRAW_CONTRIBUTION")
    @PostMapping("/contributions/{contributionId}/withdrawal")
    ContributionResponse withdraw(@PathVariable String timebankId, @PathVariable String contributionId) {
        return answer(bookkeeping.run(timebankId, l -> l.withdraw(timebankId, contributionId, actor(timebankId, Caller.current()))));
    }

    /** Records a group activity's attendance register; each attendance waits for the organisation's staff. */
    @Access("RECORD_GROUP_ACTIVITY")
    @PostMapping("/group-activities")
    @ResponseStatus(HttpStatus.CREATED)
    List<ContributionResponse> recordGroupActivity(@PathVariable String timebankId,
                                                   @Valid @RequestBody GroupActivityRequest request) {
        String id = request.id() != null ? request.id() : newId();
        List<Ledger.Attendance> register = request.attendances().stream()
                .map(a -> new Ledger.Attendance(a.memberId(), a.minutes())).toList();
        Decision<List<Contribution>> decision = bookkeeping.run(timebankId, l -> l.recordGroupActivity(timebankId, id,
                request.organisationId(), actor(timebankId, Caller.current()), request.title(), request.kind(), request.happenedOn(),
                register));
        return decision.orElseThrow(refusal -> new ApiException(named(timebankId, refusal))).stream()
                .map(ContributionResponse::of).toList();
    }

    /**
     * A coordinator's register recorded and confirmed in one step: every attendance logged and posted
     * in one change, or none (issue 16). The response is the attendances, each with its transfer.
     */
    @Access("RECORD_AND_CONFIRM_GROUP_ACTIVITY")
    @PostMapping("/confirmed-group-activities")
    @ResponseStatus(HttpStatus.CREATED)
    List<ContributionResponse> recordAndConfirmGroupActivity(@PathVariable String timebankId,
                                                             @Valid @RequestBody GroupActivityRequest request) {
        String id = request.id() != null ? request.id() : newId();
        List<Ledger.Attendance> register = request.attendances().stream()
                .map(a -> new Ledger.Attendance(a.memberId(), a.minutes())).toList();
        Decision<List<Contribution>> decision = bookkeeping.run(timebankId, l -> l.recordAndConfirmGroupActivity(timebankId,
                id, request.organisationId(), actor(timebankId, Caller.current()), request.title(), request.kind(),
                request.happenedOn(), register, null));
        return decision.orElseThrow(refusal -> new ApiException(named(timebankId, refusal))).stream()
                .map(ContributionResponse::of).toList();
    }

    /** One validation by the organisation's staff posts every attendance of the activity. */
    @Access("CONFIRM_GROUP_ACTIVITY")
    @PostMapping("/group-activities/{activityId}/validation")
    List<ContributionResponse> validateGroupActivity(@PathVariable String timebankId, @PathVariable String activityId,
                                                     @Valid @RequestBody(required = false) NoteRequest request) {
        String note = request == null ? null : request.note();
        return bookkeeping.run(timebankId, l -> l.validateGroupActivity(timebankId, activityId, actor(timebankId, Caller.current()), note))
                .orElseThrow(ApiException::new).stream().map(ContributionResponse::of).toList();
    }

    /** The id of what the client named none for: one per Idempotency-Key, so a retry cannot log it twice. */
    private static String newId() {
        return IdempotencyFilter.derivedId().orElseGet(() -> UUID.randomUUID().toString());
    }

    private Ledger.Actor actor(String timebankId, Caller caller) {
        return actors.of(timebankId, caller);
    }

    private static ContributionResponse answer(Decision<Contribution> decision) {
        return ContributionResponse.of(decision.orElseThrow(ApiException::new));
    }

    record LogRequest(
            @SafeId String id,
            @NotNull LoggedBy side,
            @NotBlank @SafeId String giverId,
            @NotBlank @SafeId String receiverId,
            @Min(1) @Max(1440) long minutes,
            @NotNull LocalDate happenedOn,
            @NotNull CoproductionKind kind,
            @Size(max = 500) String description,
            @SafeId String matchId,
            Boolean consentRecorded) {
    }

    record NoteRequest(@Size(max = 500) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ResolveRequest(@Min(1) @Max(1440) Long minutes, @Size(max = 500) String note) {
    }

    record Attendance(@NotBlank @SafeId String memberId, @Min(1) @Max(1440) long minutes) {
    }

    /** A register's refusal names the attendee as the organiser knows them, not by their id. */
    private Refusal named(String timebankId, Refusal refusal) {
        Object attendee = refusal.params().get("attendee");
        if (attendee == null || !refusal.params().containsKey("name")) {
            return refusal;
        }
        try {
            return refusal.and("name", members.require(timebankId, attendee.toString()).displayName());
        } catch (ApiException unknown) {
            return refusal;
        }
    }

    record GroupActivityRequest(
            @SafeId String id,
            @NotBlank @SafeId String organisationId,
            @NotBlank @Size(max = 200) String title,
            @NotNull CoproductionKind kind,
            @NotNull LocalDate happenedOn,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid Attendance> attendances) {
    }
}
