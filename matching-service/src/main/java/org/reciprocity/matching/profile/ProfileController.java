package org.reciprocity.matching.profile;

import org.reciprocity.kit.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    /** A member's matching profile, visible to the members of the same timebank. */
    @GetMapping("/api/v1/timebanks/{timebankId}/profiles/{memberId}")
    Profile get(@PathVariable String timebankId, @PathVariable String memberId) {
        return profiles.find(timebankId, memberId)
                .orElseThrow(() -> ApiException.notFound("No matching profile for member '" + memberId + "' yet."));
    }
}
