package org.reciprocity.portal.supporters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.services.Services;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The supporters page's own calls to the ledger, which keeps who a member named as their supporters. */
@Component
class SupporterServices {

    private final Services services;

    SupporterServices(Services services) {
        this.services = services;
    }

    List<String> supporters(String tb, String memberId) {
        Supporters answer = services.ledger().get().uri(Services.TB + "/members/{m}/supporters", tb, memberId)
                .retrieve().body(Supporters.class);
        return answer == null || answer.supporterIds() == null ? List.of() : answer.supporterIds();
    }

    /** Names a supporter; naming someone already named changes nothing. */
    void name(String tb, String memberId, String supporterId) {
        services.ledger().post().uri(Services.TB + "/members/{m}/supporters", tb, memberId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("supporterId", supporterId))
                .retrieve().toBodilessEntity();
    }

    /** Consent withdrawn: from this request on the supporter can no longer act for the member. Twice is fine. */
    void withdraw(String tb, String memberId, String supporterId) {
        services.ledger().delete().uri(Services.TB + "/members/{m}/supporters/{s}", tb, memberId, supporterId)
                .retrieve().toBodilessEntity();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Supporters(List<String> supporterIds) {
    }
}
