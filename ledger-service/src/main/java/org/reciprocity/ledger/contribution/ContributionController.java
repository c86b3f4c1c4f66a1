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

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.Decision;
import org.reciprocity.ledger.book.Ledger;
import org.reciprocity.ledger.member.Members;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

    ContributionController(Bookkeeping bookkeeping, Members members) {
        this.bookkeeping = bookkeeping;
        this.members = members;
    }

    /**
     * Logs time given ("I gave": side GIVER) or received ("I received": side RECEIVER). A coordinator,
     * or a supporter the member named, may log for the member with their consent.
     */
    @PostMapping("/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    ContributionResponse log(@PathVariable String timebankId, @Valid @RequestBody LogRequest request) {
        Caller caller = Caller.current();
        String logging = request.side() == LoggedBy.GIVER ? request.giverId() : request.receiverId();
        boolean supporter = !caller.memberId().equals(logging) && members.isSupporter(timebankId, logging, caller.memberId());
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        Ledger.LogCommand command = new Ledger.LogCommand(id, actor(caller), supporter,
                Boolean.TRUE.equals(request.consentRecorded()), request.side(), request.giverId(), request.receiverId(),
                request.minutes(), request.happenedOn(), request.kind(), request.description(), request.matchId());
        return answer(bookkeeping.run(timebankId, ledger -> ledger.log(timebankId, command)));
    }

    @GetMapping("/contributions/{contributionId}")
    ContributionResponse get(@PathVariable String timebankId, @PathVariable String contributionId) {
        Contribution c = bookkeeping.store().contribution(timebankId, contributionId)
                .orElseThrow(() -> ApiException.notFound("There is no contribution '" + contributionId + "' in this timebank."));
        return ContributionResponse.of(c);
    }

    @PostMapping("/contributions/{contributionId}/validation")
    ContributionResponse validate(@PathVariable String timebankId, @PathVariable String contributionId,
                                  @Valid @RequestBody(required = false) NoteRequest request) {
        String note = request == null ? null : request.note();
        return answer(bookkeeping.run(timebankId, l -> l.validate(timebankId, contributionId, actor(Caller.current()), note)));
    }

    @PostMapping("/contributions/{contributionId}/dispute")
    ContributionResponse dispute(@PathVariable String timebankId, @PathVariable String contributionId,
                                 @Valid @RequestBody ReasonRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.dispute(timebankId, contributionId, actor(Caller.current()),
                request.reason())));
    }

    @PostMapping("/contributions/{contributionId}/resolution")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    ContributionResponse resolve(@PathVariable String timebankId, @PathVariable String contributionId,
                                 @Valid @RequestBody ResolveRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.resolve(timebankId, contributionId, actor(Caller.current()),
                request.minutes(), request.note())));
    }

    @PostMapping("/contributions/{contributionId}/rejection")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    ContributionResponse reject(@PathVariable String timebankId, @PathVariable String contributionId,
                                @Valid @RequestBody ReasonRequest request) {
        return answer(bookkeeping.run(timebankId, l -> l.reject(timebankId, contributionId, actor(Caller.current()),
                request.reason())));
    }

    @PostMapping("/contributions/{contributionId}/withdrawal")
    ContributionResponse withdraw(@PathVariable String timebankId, @PathVariable String contributionId) {
        return answer(bookkeeping.run(timebankId, l -> l.withdraw(timebankId, contributionId, actor(Caller.current()))));
    }

    /** Records a group activity's attendance register; each attendance waits for the organisation's staff. */
    @PostMapping("/group-activities")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'STAFF', 'ADMIN')")
    List<ContributionResponse> recordGroupActivity(@PathVariable String timebankId,
                                                   @Valid @RequestBody GroupActivityRequest request) {
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        List<Ledger.Attendance> register = request.attendances().stream()
                .map(a -> new Ledger.Attendance(a.memberId(), a.minutes())).toList();
        Decision<List<Contribution>> decision = bookkeeping.run(timebankId, l -> l.recordGroupActivity(timebankId, id,
                request.organisationId(), actor(Caller.current()), request.title(), request.kind(), request.happenedOn(),
                register));
        return decision.orElseThrow(ApiException::rejected, ApiException::notFound).stream().map(ContributionResponse::of).toList();
    }

    /** One validation by the organisation's staff posts every attendance of the activity. */
    @PostMapping("/group-activities/{activityId}/validation")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'STAFF', 'ADMIN')")
    List<ContributionResponse> validateGroupActivity(@PathVariable String timebankId, @PathVariable String activityId,
                                                     @Valid @RequestBody(required = false) NoteRequest request) {
        String note = request == null ? null : request.note();
        return bookkeeping.run(timebankId, l -> l.validateGroupActivity(timebankId, activityId, actor(Caller.current()), note))
                .orElseThrow(ApiException::rejected, ApiException::notFound).stream().map(ContributionResponse::of).toList();
    }

    static Ledger.Actor actor(Caller caller) {
        return Actors.of(caller);
    }

    private static ContributionResponse answer(Decision<Contribution> decision) {
        return ContributionResponse.of(decision.orElseThrow(ApiException::rejected, ApiException::notFound));
    }

    record LogRequest(
            @Size(max = 100) String id,
            @NotNull LoggedBy side,
            @NotBlank String giverId,
            @NotBlank String receiverId,
            @Min(1) @Max(1440) long minutes,
            @NotNull LocalDate happenedOn,
            @NotNull CoproductionKind kind,
            @Size(max = 500) String description,
            String matchId,
            Boolean consentRecorded) {
    }

    record NoteRequest(@Size(max = 500) String note) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ResolveRequest(@Min(1) @Max(1440) Long minutes, @Size(max = 500) String note) {
    }

    record Attendance(@NotBlank String memberId, @Min(1) @Max(1440) long minutes) {
    }

    record GroupActivityRequest(
            @Size(max = 100) String id,
            @NotBlank String organisationId,
            @NotBlank @Size(max = 200) String title,
            @NotNull CoproductionKind kind,
            @NotNull LocalDate happenedOn,
            @NotEmpty @Size(max = 500) List<@Valid Attendance> attendances) {
    }
}
