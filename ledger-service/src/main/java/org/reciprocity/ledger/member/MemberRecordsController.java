package org.reciprocity.ledger.member;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A coordinator's members: the list and search, paper-first registration, the record, changes to details. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class MemberRecordsController {

    private final MemberRecords records;

    MemberRecordsController(MemberRecords records) {
        this.records = records;
    }

    /** Members by name, a page at a time (at most {@value MemberRecords#MAX_PAGE}). */
    @Access("LIST_MEMBERS")
    @GetMapping("/members")
    MemberRecords.Page list(@PathVariable String timebankId, @RequestParam(defaultValue = "") @Size(max = 80)
                            @jakarta.validation.constraints.Pattern(regexp = "[^\\p{Cntrl}]*") String name,
                            @RequestParam(required = false) MemberStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "25") @Min(1) @Max(MemberRecords.MAX_PAGE) int size) {
        return records.search(timebankId, name, status, page, size);
    }

    /** Registers a member who will not use the portal, with the consent they gave for others to log for them. */
    @Access("REGISTER_MEMBER")
    @PostMapping("/paper-first-members")
    ResponseEntity<RecordResponse> registerPaperFirst(@PathVariable String timebankId,
                                                      @Valid @RequestBody PaperFirstRequest request) {
        MemberRecords.MemberRecord r = records.registerPaperFirst(timebankId, request.kind(), request.displayName(),
                request.email(), request.language(), request.contact(), request.consent(), Caller.current().memberId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/timebanks/{tb}/members/{id}/record").buildAndExpand(timebankId, r.member().id()).toUri())
                .body(RecordResponse.of(r));
    }

    /** Everything the ledger keeps about a member, for a coordinator. */
    @Access("READ_MEMBER_RECORD")
    @GetMapping("/members/{memberId}/record")
    RecordResponse record(@PathVariable String timebankId, @PathVariable String memberId) {
        return RecordResponse.of(records.record(timebankId, memberId));
    }

    /** Changes a member's name, e-mail, language or kind; what is left out stays. */
    @Access("EDIT_MEMBER")
    @PatchMapping("/members/{memberId}")
    RecordResponse edit(@PathVariable String timebankId, @PathVariable String memberId,
                        @Valid @RequestBody MemberEditRequest request) {
        return RecordResponse.of(records.edit(timebankId, memberId, request.displayName(), request.email(),
                request.language(), request.kind(), Caller.current().memberId()));
    }

    record PaperFirstRequest(@NotNull MemberKind kind, @NotBlank @Size(max = 80) String displayName,
                             @Email @Size(max = 254) String email, @Size(max = 5) String language,
                             @Size(max = MemberRecords.MAX_CONTACT) String contact,
                             @NotBlank @Size(max = MemberRecords.MAX_CONSENT) String consent) {
    }

    record MemberEditRequest(@Size(max = 80) String displayName, @Email @Size(max = 254) String email,
                       @Size(max = 5) String language, MemberKind kind) {
    }

    record RecordResponse(String id, String timebankId, MemberKind kind, String displayName, String email,
                          String language, Set<String> roles, MemberStatus status, Instant registeredAt,
                          boolean paperFirst, String contact, MemberRecords.Consent consent, String statusReason,
                          String statusChangedBy, Instant statusChangedAt, Instant lastActivityAt) {
        static RecordResponse of(MemberRecords.MemberRecord r) {
            Member m = r.member();
            return new RecordResponse(m.id(), m.timebankId(), m.kind(), m.displayName(), m.email(), m.language(),
                    m.roles(), m.status(), m.registeredAt(), r.paperFirst(), r.contact(), r.consent(), r.statusReason(),
                    r.statusChangedBy(), r.statusChangedAt(), r.lastActivityAt());
        }
    }
}
