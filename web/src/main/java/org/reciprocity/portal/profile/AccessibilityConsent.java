package org.reciprocity.portal.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Issue 18: once the member answered the consent SHOW_ACCESSIBILITY_TO_MATCHES (on "What you allow",
 * or on paper with a coordinator), that answer alone decides who sees their accessibility needs, so
 * the profile's old "share with members" box for them is no longer shown. Never answered: the box
 * works as before. The answer is the ledger's, which keeps consents.
 */
@Component
class AccessibilityConsent {

    static final String CONSENT = "SHOW_ACCESSIBILITY_TO_MATCHES";
    /** The profile field the old box shared. */
    static final String FIELD = "accessibilityNeeds";

    private final Services services;

    AccessibilityConsent(Services services) {
        this.services = services;
    }

    /**
     * The member's answer: yes, no, or empty while never asked. Empty too when the ledger cannot say
     * (the page then shows the box as before rather than fail: matching still follows the consent).
     */
    Optional<Boolean> answer(String tb, String memberId) {
        try {
            Consents consents = services.ledger().get().uri(Services.TB + "/members/{m}/consents", tb, memberId)
                    .retrieve().body(Consents.class);
            return consents == null || consents.consents() == null ? Optional.empty()
                    : consents.consents().stream().filter(c -> CONSENT.equals(c.consent()))
                    .map(State::given).filter(Objects::nonNull).findFirst();
        } catch (ServiceRefusal | RestClientException cannotSay) {
            return Optional.empty();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consents(List<State> consents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(String consent, Boolean given) {
    }
}
