package org.reciprocity.portal.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The ledger's contribution record calls, as the signed-in member (their token, their language). */
@Component
class RecordClient {

    private static final String RECORDS = "/api/v1/timebanks/{tb}/members/{m}/contribution-records";

    private final Services services;

    RecordClient(Services services) {
        this.services = services;
    }

    /** A record as the ledger keeps it for its member. {@code status} is ISSUED or WITHDRAWN. */
    public record Issued(String code, String jws, Instant issuedAt, String status, Instant withdrawnAt, long totalMinutes,
                  int entries) {

        public boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }
    }

    Issued issue(String tb, String memberId, Map<String, Object> choices) {
        return services.ledger().post().uri(RECORDS, tb, memberId).body(choices).retrieve().body(Issued.class);
    }

    List<Issued> mine(String tb, String memberId) {
        List<Issued> all = services.ledger().get().uri(RECORDS, tb, memberId).retrieve()
                .body(new ParameterizedTypeReference<List<Issued>>() { });
        return all == null ? List.of() : all;
    }

    /** One of the member's own records; empty when it is not theirs (or does not exist). */
    Optional<Issued> mine(String tb, String memberId, String code) {
        return mine(tb, memberId).stream().filter(r -> r.code().equals(code)).findFirst();
    }

    void withdraw(String tb, String memberId, String code) {
        try {
            services.ledger().post().uri(RECORDS + "/{code}/revocation", tb, memberId, code).retrieve().toBodilessEntity();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
    }
}
