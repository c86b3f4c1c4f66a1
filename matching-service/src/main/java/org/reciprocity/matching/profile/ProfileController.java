package org.reciprocity.matching.profile;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.matching.vocabulary.Mode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/profiles/{memberId}")
class ProfileController {

    private final Profiles profiles;
    private final MatchedWith matched;

    ProfileController(Profiles profiles, MatchedWith matched) {
        this.profiles = profiles;
        this.matched = matched;
    }

    /** A member's matching profile: all of it to the member and the coordinators, to others what it shares. */
    @GetMapping
    @Access("READ_PROFILE")
    ProfileResponse get(@PathVariable String timebankId, @PathVariable String memberId) {
        return ProfileResponse.of(profiles.require(timebankId, memberId), Readers.current(matched));
    }

    /** The member says what they can do, when, where and how, and what of it other members may see. */
    @PutMapping
    @Access("UPDATE_PROFILE")
    ProfileResponse update(@PathVariable String timebankId, @PathVariable String memberId,
                           @Valid @RequestBody ProfileRequest request) {
        ProfileDetails details = ProfileDetails.of(request.skills(), request.tags(), request.languages(),
                request.availability(), request.district(), request.modes(), request.accessibilityNeeds(),
                request.sharedWithMembers());
        return ProfileResponse.of(profiles.updateDetails(timebankId, memberId, details), Readers.current());
    }

    /** The member (or a coordinator on their behalf) pauses without penalty. */
    @PostMapping("/pause")
    @Access("PAUSE_MEMBER")
    ProfileResponse pause(@PathVariable String timebankId, @PathVariable String memberId) {
        return ProfileResponse.of(profiles.pause(timebankId, memberId), Readers.current());
    }

    @PostMapping("/resume")
    @Access("RESUME_MEMBER")
    ProfileResponse resume(@PathVariable String timebankId, @PathVariable String memberId) {
        return ProfileResponse.of(profiles.resume(timebankId, memberId), Readers.current());
    }

    /** A coordinator records that the member passed (or no longer passes) the safeguarding check. */
    @PutMapping("/verification")
    @Access("VERIFY_MEMBER")
    ProfileResponse verify(@PathVariable String timebankId, @PathVariable String memberId,
                           @Valid @RequestBody VerificationRequest request) {
        return ProfileResponse.of(profiles.verify(timebankId, memberId, request.verified(), Caller.current().memberId()),
                Readers.current());
    }

    /** @param sharedWithMembers what other members may see besides name, skills, tags and languages; none if absent */
    record ProfileRequest(@Size(max = 24) Set<@Size(max = 100) String> skills,
                          @Size(max = 12) Set<@Size(max = 100) String> tags,
                          @Size(max = 10) Set<@Size(max = 40) String> languages,
                          @Size(max = 21) Set<@Size(max = 40) String> availability,
                          @Size(max = 8) String district, @Size(max = 10) Set<@Size(max = 40) String> modes,
                          @Size(max = 10) Set<@Size(max = 100) String> accessibilityNeeds,
                          @Size(max = 10) Set<@Size(max = 40) String> sharedWithMembers) {
    }

    record VerificationRequest(@NotNull Boolean verified) {
    }

    /** A profile as its reader may see it: what they may not see is left out, not blanked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProfileResponse(String memberId, String displayName, Set<String> languages, Set<String> skills,
                           Set<String> tags, String district, Set<String> availability, Set<Mode> modes,
                           Set<String> accessibilityNeeds, Boolean verified, MemberKind kind, Boolean paused,
                           Boolean suspended, Long givenMinutes, Long receivedMinutes, Instant registeredAt,
                           Set<String> sharedWithMembers) {

        static ProfileResponse of(Profile p, Audience audience) {
            Shown shown = new Shown(p, audience);
            return new ProfileResponse(p.memberId(),
                    shown.of(ProfileField.DISPLAY_NAME, p::displayName),
                    shown.of(ProfileField.LANGUAGES, () -> new TreeSet<>(p.speaks())),
                    shown.of(ProfileField.SKILLS, () -> new TreeSet<>(p.skills())),
                    shown.of(ProfileField.TAGS, () -> new TreeSet<>(p.tags())),
                    shown.of(ProfileField.DISTRICT, p::district),
                    shown.of(ProfileField.AVAILABILITY, () -> slots(p)),
                    shown.of(ProfileField.MODES, p::modes),
                    shown.of(ProfileField.ACCESSIBILITY_NEEDS, () -> new TreeSet<>(p.accessibilityNeeds())),
                    shown.of(ProfileField.VERIFIED, p::verified),
                    shown.of(ProfileField.KIND, p::kind),
                    shown.of(ProfileField.PAUSED, p::paused),
                    shown.of(ProfileField.SUSPENDED, p::suspended),
                    shown.of(ProfileField.MINUTES, p::givenMinutes),
                    shown.of(ProfileField.MINUTES, p::receivedMinutes),
                    shown.of(ProfileField.REGISTERED_AT, p::registeredAt),
                    shown.of(ProfileField.SHARED_WITH_MEMBERS, () -> new TreeSet<>(p.sharedWithMembers().stream()
                            .map(ProfileField::apiName).toList())));
        }

        private static Set<String> slots(Profile p) {
            Set<String> slots = new TreeSet<>();
            p.availability().forEach(slot -> slots.add(slot.toString()));
            return slots;
        }

        private record Shown(Profile profile, Audience audience) {
            <T> T of(ProfileField field, Supplier<T> value) {
                return audience.sees(profile, field) ? value.get() : null;
            }
        }
    }
}
