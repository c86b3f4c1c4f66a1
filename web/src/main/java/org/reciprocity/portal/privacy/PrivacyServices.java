package org.reciprocity.portal.privacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.services.Services;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The "Your data" pages' own calls: the ledger keeps a member's consents (issue 18). */
@Component
class PrivacyServices {

    private final Services services;

    PrivacyServices(Services services) {
        this.services = services;
    }

    List<ConsentState> consents(String tb, String memberId) {
        Consents answer = services.ledger().get().uri(Services.TB + "/members/{m}/consents", tb, memberId)
                .retrieve().body(Consents.class);
        return answer == null || answer.consents() == null ? List.of() : answer.consents();
    }

    /** Gives or withdraws one consent; the same answer again changes nothing. */
    void record(String tb, String memberId, String consent, boolean given) {
        services.ledger().put().uri(Services.TB + "/members/{m}/consents/{c}", tb, memberId, consent)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("given", given))
                .retrieve().toBodilessEntity();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consents(List<ConsentState> consents) {
    }

    /** @param given null while the member was never asked */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentState(String consent, Boolean given, Instant at, String how) {
    }
}
