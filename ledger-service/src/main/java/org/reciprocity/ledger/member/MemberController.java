package org.reciprocity.ledger.member;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.SafeId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/members")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    /** Registers a member; coordinators do this (members without e-mail or phone exist). */
    @Access("REGISTER_MEMBER")
    @PostMapping
    ResponseEntity<MemberResponse> register(@PathVariable String timebankId,
                                            @Valid @RequestBody RegisterMemberRequest request) {
        Caller caller = Caller.current();
        Set<String> roles = request.roles() == null ? Set.of() : request.roles();
        if (!caller.has(Role.ADMIN) && roles.stream().anyMatch(role -> !role.equals("MEMBER"))) {
            throw ApiException.of(MemberRefusal.ONLY_ADMIN_GIVES_ROLES);
        }
        Member member = members.register(timebankId, request.kind(), request.displayName(), request.email(),
                request.language(), roles, caller.memberId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(member.id()).toUri()).body(MemberResponse.of(member));
    }

    /** A member's details: the member themself and the timebank's coordinators and admins. */
    @Access("READ_MEMBER")
    @GetMapping("/{memberId}")
    MemberResponse get(@PathVariable String timebankId, @PathVariable String memberId) {
        return MemberResponse.of(members.require(timebankId, memberId));
    }

    @Access("SUSPEND_MEMBER")
    @PostMapping("/{memberId}/suspension")
    MemberResponse suspend(@PathVariable String timebankId, @PathVariable String memberId,
                           @Valid @RequestBody(required = false) StatusReasonRequest request) {
        return MemberResponse.of(members.suspend(timebankId, memberId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    @Access("REACTIVATE_MEMBER")
    @PostMapping("/{memberId}/reactivation")
    MemberResponse reactivate(@PathVariable String timebankId, @PathVariable String memberId,
                              @Valid @RequestBody(required = false) StatusReasonRequest request) {
        return MemberResponse.of(members.reactivate(timebankId, memberId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    /** Who the member named as supporters: people who may log and act for them. */
    @Access("LIST_SUPPORTERS")
    @GetMapping("/{memberId}/supporters")
    SupportersResponse supporters(@PathVariable String timebankId, @PathVariable String memberId) {
        return new SupportersResponse(members.supporters(timebankId, memberId));
    }

    /**
     * The members who named this member as their supporter: whom they may log for. Only what the
     * supporter needs to do it (ids and names); the named members chose them, so they may know this.
     */
    @Access("LIST_SUPPORTED")
    @GetMapping("/{memberId}/supported")
    SupportedResponse supported(@PathVariable String timebankId, @PathVariable String memberId) {
        return new SupportedResponse(members.supportedBy(timebankId, memberId).stream()
                .map(m -> new SupportedMember(m.id(), m.displayName(), m.status())).toList());
    }

    /** A member (or their coordinator) names a supporter who may log and act for them. */
    @Access("NAME_SUPPORTER")
    @PostMapping("/{memberId}/supporters")
    ResponseEntity<Void> addSupporter(@PathVariable String timebankId, @PathVariable String memberId,
                                      @Valid @RequestBody SupporterRequest request) {
        members.addSupporter(timebankId, memberId, request.supporterId());
        return ResponseEntity.noContent().build();
    }

    /**
     * Consent withdrawn: the supporter may no longer log or act for the member, from this request
     * on. The member, a coordinator, or the supporter stepping down may do it; doing it twice is fine.
     */
    @Access("REMOVE_SUPPORTER")
    @DeleteMapping("/{memberId}/supporters/{supporterId}")
    ResponseEntity<Void> removeSupporter(@PathVariable String timebankId, @PathVariable String memberId,
                                         @PathVariable String supporterId) {
        members.removeSupporter(timebankId, memberId, supporterId);
        return ResponseEntity.noContent().build();
    }

    record StatusReasonRequest(@Size(max = 500) String reason) {
    }

    record SupporterRequest(@NotBlank @SafeId String supporterId) {
    }

    record SupportersResponse(List<String> supporterIds) {
    }

    record SupportedResponse(List<SupportedMember> members) {
    }

    record SupportedMember(String memberId, String displayName, MemberStatus status) {
    }

    record RegisterMemberRequest(
            @NotNull MemberKind kind,
            @NotBlank @Size(max = 80) String displayName,
            @Email @Size(max = 254) String email,
            @Size(max = 5) String language,
            @Size(max = 4) Set<@NotNull @Pattern(regexp = "[A-Z_]{1,20}") String> roles) {
    }

    record MemberResponse(String id, String timebankId, MemberKind kind, String displayName, String email,
                          String language, Set<String> roles, MemberStatus status, Instant registeredAt) {
        static MemberResponse of(Member m) {
            // issue 18: an erased member is ids, status and dates only (no roles either)
            return new MemberResponse(m.id(), m.timebankId(), m.kind(), m.displayName(), m.email(), m.language(),
                    m.status() == MemberStatus.ERASED ? Set.of() : m.roles(), m.status(), m.registeredAt());
        }
    }
}
