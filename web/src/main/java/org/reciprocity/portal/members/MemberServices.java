package org.reciprocity.portal.members;

import static org.reciprocity.portal.services.Services.TB;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The calls a coordinator's member pages make, as the signed-in coordinator: the ledger keeps the
 * member (list, record, details, status), identity-service their sign-in (invitation, suspension),
 * matching-service their listings and matches. Each service checks the coordinator's role itself.
 */
@Component
public class MemberServices {

    private final Services services;

    MemberServices(Services services) {
        this.services = services;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String id, String displayName, String kind, String status, boolean paperFirst,
                      Instant registeredAt, Instant lastActivityAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(long total, int page, int size, List<Row> members) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(String agreedTo, String recordedBy, Instant recordedAt) {
    }

    /** {@code paperFirst} may be absent: the ledger's record of an erased member (issue 18) holds ids and status only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String id, String displayName, String kind, String email, String language, String status,
                         Boolean paperFirst, String contact, Consent consent, String statusReason,
                         String statusChangedBy, Instant statusChangedAt, Instant registeredAt, Instant lastActivityAt) {
        public boolean suspended() {
            return "SUSPENDED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(String id, String kind, String title, String status, Long estimatedMinutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String id, String giverId, String receiverId, String status, long estimatedMinutes,
                        String activity, Instant proposedAt) {
    }

    public Page list(String tb, String name, String status, int page, int size) {
        return services.ledger().get().uri(u -> u.path(TB + "/members").queryParam("name", name)
                        .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                        .queryParam("page", page).queryParam("size", size).build(tb))
                .retrieve().body(Page.class);
    }

    public Record record(String tb, String memberId) {
        return services.ledger().get().uri(TB + "/members/{m}/record", tb, memberId).retrieve().body(Record.class);
    }

    public Record registerPaperFirst(String tb, String requestId, Map<String, Object> body) {
        return services.ledger().post().uri(TB + "/paper-first-members", tb).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}")) {
                        h.set("Idempotency-Key", requestId);
                    }
                })
                .body(body).retrieve().body(Record.class);
    }

    public Record edit(String tb, String memberId, Map<String, Object> changes) {
        return services.ledger().patch().uri(TB + "/members/{m}", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                .body(changes).retrieve().body(Record.class);
    }

    /**
     * Suspends in the ledger (no logging, no spending) and at identity-service (signed out at the next
     * page, see StillWelcome). A member who never had a sign-in (paper-first) has nothing to suspend there.
     */
    public void suspend(String tb, String memberId, String reason) {
        services.ledger().post().uri(TB + "/members/{m}/suspension", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason)).retrieve().toBodilessEntity();
        signIn(tb, memberId, "suspension");
    }

    public void reactivate(String tb, String memberId, String reason) {
        services.ledger().post().uri(TB + "/members/{m}/reactivation", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason)).retrieve().toBodilessEntity();
        signIn(tb, memberId, "reactivation");
    }

    private void signIn(String tb, String memberId, String change) {
        try {
            services.identity().post().uri(TB + "/accounts/{m}/" + change, tb, memberId).retrieve().toBodilessEntity();
        } catch (org.reciprocity.portal.services.ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
    }

    /** Where the member's sign-in stands (INVITED, ACTIVE, SUSPENDED…), or null when they have none. */
    public String signInStatus(String tb, String memberId) {
        try {
            return services.accountStatus(tb, memberId);
        } catch (org.reciprocity.portal.services.ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return null;
            }
            throw refusal;
        }
    }

    /**
     * The e-mail a member signs in with follows a correction (identity-service refuses one another
     * account has). A member without a sign-in has nothing to change there.
     */
    public void changeSignInEmail(String tb, String memberId, String email) {
        try {
            services.identity().put().uri(TB + "/accounts/{m}/email", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", email)).retrieve().toBodilessEntity();
        } catch (org.reciprocity.portal.services.ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
    }

    public void invite(String tb, String memberId, String email, String language) {
        services.invite(tb, memberId, email, language);
    }

    public List<Listing> listings(String tb, String memberId) {
        return services.matching().get().uri(TB + "/members/{m}/listings", tb, memberId)
                .retrieve().body(new ParameterizedTypeReference<List<Listing>>() { });
    }

    public List<Match> matches(String tb, String memberId) {
        return services.matching().get().uri(TB + "/members/{m}/matches", tb, memberId)
                .retrieve().body(new ParameterizedTypeReference<List<Match>>() { });
    }

    public List<String> supporters(String tb, String memberId) {
        Map<?, ?> answer = services.ledger().get().uri(TB + "/members/{m}/supporters", tb, memberId).retrieve().body(Map.class);
        Object ids = answer == null ? null : answer.get("supporterIds");
        return ids instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    public void nameSupporter(String tb, String memberId, String supporterId) {
        services.ledger().post().uri(TB + "/members/{m}/supporters", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("supporterId", supporterId)).retrieve().toBodilessEntity();
    }

    /** Hours logged by the coordinator for the member (the ledger records the coordinator as who logged them). */
    public String logFor(String tb, String requestId, Map<String, Object> request) {
        return services.log(tb, requestId, new LinkedHashMap<>(request)).id();
    }
}
