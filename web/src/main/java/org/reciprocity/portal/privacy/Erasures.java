package org.reciprocity.portal.privacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * Issue 18, erasure: the ledger's calls. A member asks (SELF); an admin sees who asked, erases, and
 * follows the five services confirming. The ledger keeps the status; the portal keeps nothing.
 */
@Component
class Erasures {

    /** The services that hold personal data, in the order the admin's table shows them (contracts' HOLDERS_OF_PERSONAL_DATA). */
    static final List<String> SERVICES = List.of("ledger-service", "matching-service", "notification-service",
            "identity-service", "review-service");

    private final Services services;

    Erasures(Services services) {
        this.services = services;
    }

    /** The member asks; asking twice changes nothing. */
    void ask(String tb, String memberId) {
        services.ledger().post().uri(Services.TB + "/members/{m}/erasure-request", tb, memberId)
                .retrieve().toBodilessEntity();
    }

    /** The members who asked and are not erased yet (ADMIN). */
    List<Request> requests(String tb) {
        List<Request> found = services.ledger().get().uri(Services.TB + "/erasure-requests", tb)
                .retrieve().body(new ParameterizedTypeReference<List<Request>>() { });
        return found == null ? List.of() : found;
    }

    /** Erases the member (ADMIN): a 409 says why not yet; the answer is where the erasure stands. */
    Status erase(String tb, String memberId) {
        return services.ledger().post().uri(Services.TB + "/members/{m}/erasure", tb, memberId)
                .retrieve().body(Status.class);
    }

    /** Where the member's erasure stands; empty when nothing was asked or done yet (the ledger's 404). */
    Optional<Status> status(String tb, String memberId) {
        try {
            return Optional.ofNullable(services.ledger().get().uri(Services.TB + "/members/{m}/erasure", tb, memberId)
                    .retrieve().body(Status.class));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                return Optional.empty();
            }
            throw refusal;
        }
    }

    /** The member as the admin's summary shows them: the ledger's record (no name once erased). */
    Member member(String tb, String memberId) {
        return services.ledger().get().uri(Services.TB + "/members/{m}/record", tb, memberId)
                .retrieve().body(Member.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String memberId, String displayName, Instant requestedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(String id, String displayName, String kind, String status, Instant registeredAt, Boolean erased) {

        boolean isErased() {
            return Boolean.TRUE.equals(erased) || "ERASED".equals(status);
        }
    }

    /** @param confirmedAt null while the service has not confirmed */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceState(String service, Instant confirmedAt, List<String> collections) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String memberId, Instant requestedAt, Instant erasedAt, String erasedBy, List<ServiceState> services,
                  boolean done) {

        /** The five services in their order, each with its confirmation or none yet. */
        List<ServiceState> allFive() {
            List<ServiceState> told = services == null ? List.of() : services;
            return SERVICES.stream().map(name -> told.stream().filter(s -> name.equals(s.service())).findFirst()
                    .orElse(new ServiceState(name, null, List.of()))).toList();
        }
    }
}
