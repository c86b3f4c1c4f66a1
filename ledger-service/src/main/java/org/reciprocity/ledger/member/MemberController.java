package org.reciprocity.ledger.member;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
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
    @PostMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    ResponseEntity<MemberResponse> register(@PathVariable String timebankId,
                                            @Valid @RequestBody RegisterMemberRequest request) {
        Caller caller = Caller.current();
        Set<String> roles = request.roles() == null ? Set.of() : request.roles();
        if (!caller.has(Role.ADMIN) && roles.stream().anyMatch(role -> !role.equals("MEMBER"))) {
            throw new AccessDeniedException("Only an admin can make someone a coordinator, staff reviewer or admin.");
        }
        Member member = members.register(timebankId, request.kind(), request.displayName(), request.email(),
                request.language(), roles, caller.memberId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(member.id()).toUri()).body(MemberResponse.of(member));
    }

    /** A member's details: the member themself, or the timebank's coordinators, staff and admins. */
    @GetMapping("/{memberId}")
    MemberResponse get(@PathVariable String timebankId, @PathVariable String memberId) {
        Caller caller = Caller.current();
        if (!memberId.equals(caller.memberId()) && !caller.hasAny(Role.COORDINATOR, Role.STAFF, Role.ADMIN)) {
            throw new AccessDeniedException("Only the member and the timebank's coordinators can see this.");
        }
        return MemberResponse.of(members.require(timebankId, memberId));
    }

    @PostMapping("/{memberId}/suspension")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    MemberResponse suspend(@PathVariable String timebankId, @PathVariable String memberId,
                           @RequestBody(required = false) ReasonRequest request) {
        return MemberResponse.of(members.suspend(timebankId, memberId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    @PostMapping("/{memberId}/reactivation")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    MemberResponse reactivate(@PathVariable String timebankId, @PathVariable String memberId) {
        return MemberResponse.of(members.reactivate(timebankId, memberId, Caller.current().memberId()));
    }

    /** A member (or their coordinator) names a supporter who may log and act for them. */
    @PostMapping("/{memberId}/supporters")
    ResponseEntity<Void> addSupporter(@PathVariable String timebankId, @PathVariable String memberId,
                                      @Valid @RequestBody SupporterRequest request) {
        Caller caller = Caller.current();
        if (!memberId.equals(caller.memberId()) && !caller.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            throw new AccessDeniedException("Only the member, or a coordinator, can name their supporters.");
        }
        members.addSupporter(timebankId, memberId, request.supporterId());
        return ResponseEntity.noContent().build();
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record SupporterRequest(@NotBlank String supporterId) {
    }

    record RegisterMemberRequest(
            @NotNull MemberKind kind,
            @NotBlank @Size(max = 80) String displayName,
            @Email @Size(max = 254) String email,
            @Size(max = 5) String language,
            Set<String> roles) {
    }

    record MemberResponse(String id, String timebankId, MemberKind kind, String displayName, String email,
                          String language, Set<String> roles, MemberStatus status, Instant registeredAt) {
        static MemberResponse of(Member m) {
            return new MemberResponse(m.id(), m.timebankId(), m.kind(), m.displayName(), m.email(), m.language(),
                    m.roles(), m.status(), m.registeredAt());
        }
    }
}
