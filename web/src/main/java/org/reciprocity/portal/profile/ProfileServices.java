package org.reciprocity.portal.profile;

import java.util.Map;
import org.reciprocity.portal.services.Dtos.OwnProfile;
import org.reciprocity.portal.services.Services;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The profile page's own call to matching-service, as the signed-in member. */
@Component
class ProfileServices {

    private final Services services;

    ProfileServices(Services services) {
        this.services = services;
    }

    /** Replaces the member's profile details (matching's {@code PUT /profiles/{memberId}}); a refusal changes nothing. */
    OwnProfile update(String tb, String memberId, Map<String, Object> details) {
        return services.matching().put().uri(Services.TB + "/profiles/{m}", tb, memberId)
                .contentType(MediaType.APPLICATION_JSON).body(details).retrieve().body(OwnProfile.class);
    }
}
