package org.reciprocity.matching.profile;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.matching.vocabulary.Mode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/profiles/{memberId}")
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    /** A member's matching profile, visible to the members of the same timebank. */
    @GetMapping
    ProfileResponse get(@PathVariable String timebankId, @PathVariable String memberId) {
        return ProfileResponse.of(profiles.require(timebankId, memberId));
    }

    /** The member says what they can do, when, where and how; only they can. */
    @PutMapping
    ProfileResponse update(@PathVariable String timebankId, @PathVariable String memberId,
                           @Valid @RequestBody ProfileRequest request) {
        requireSelf(memberId, false);
        ProfileDetails details = ProfileDetails.of(request.skills(), request.tags(), request.languages(),
                request.availability(), request.district(), request.modes(), request.accessibilityNeeds());
        return ProfileResponse.of(profiles.updateDetails(timebankId, memberId, details));
    }

    /** The member (or a coordinator on their behalf) pauses without penalty. */
    @PostMapping("/pause")
    ProfileResponse pause(@PathVariable String timebankId, @PathVariable String memberId) {
        requireSelf(memberId, true);
        return ProfileResponse.of(profiles.pause(timebankId, memberId));
    }

    @PostMapping("/resume")
    ProfileResponse resume(@PathVariable String timebankId, @PathVariable String memberId) {
        requireSelf(memberId, true);
        return ProfileResponse.of(profiles.resume(timebankId, memberId));
    }

    /** A coordinator records that the member passed (or no longer passes) the safeguarding check. */
    @PutMapping("/verification")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    ProfileResponse verify(@PathVariable String timebankId, @PathVariable String memberId,
                           @Valid @RequestBody VerificationRequest request) {
        return ProfileResponse.of(profiles.verify(timebankId, memberId, request.verified(), Caller.current().memberId()));
    }

    private static void requireSelf(String memberId, boolean coordinatorToo) {
        Caller caller = Caller.current();
        if (!memberId.equals(caller.memberId()) && !(coordinatorToo && caller.hasAny(Role.COORDINATOR, Role.ADMIN))) {
            throw new AccessDeniedException("Only the member can change their own profile.");
        }
    }

    record ProfileRequest(@Size(max = 24) Set<String> skills, @Size(max = 12) Set<String> tags,
                          @Size(max = 10) Set<String> languages, @Size(max = 21) Set<String> availability,
                          @Size(max = 8) String district, Set<String> modes,
                          @Size(max = 10) Set<String> accessibilityNeeds) {
    }

    record VerificationRequest(@NotNull Boolean verified) {
    }

    record ProfileResponse(String memberId, MemberKind kind, String displayName, Set<String> languages,
                           Set<String> skills, Set<String> tags, Set<String> availability, String district,
                           Set<Mode> modes, Set<String> accessibilityNeeds, boolean verified, boolean paused,
                           boolean suspended, long givenMinutes, long receivedMinutes, Instant registeredAt) {
        static ProfileResponse of(Profile p) {
            Set<String> slots = new TreeSet<>();
            p.availability().forEach(slot -> slots.add(slot.toString()));
            return new ProfileResponse(p.memberId(), p.kind(), p.displayName(), new TreeSet<>(p.speaks()),
                    new TreeSet<>(p.skills()), new TreeSet<>(p.tags()), slots, p.district(), p.modes(),
                    new TreeSet<>(p.accessibilityNeeds()), p.verified(), p.paused(), p.suspended(), p.givenMinutes(),
                    p.receivedMinutes(), p.registeredAt());
        }
    }
}
