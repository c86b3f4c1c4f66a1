package org.reciprocity.portal.admin;

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
 * The calls the admin pages make, as the signed-in admin: the policy and organisations (ledger), roles
 * (identity-service), and the record of changes both keep. Each service checks the caller is an admin.
 */
@Component
class AdminServices {

    private final Services services;

    AdminServices(Services services) {
        this.services = services;
    }

    /** The ledger's policy as its API has it: limits in minutes (negative below zero), reminders in hours. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(String zoneId, int validationWindowDays, List<Long> reminderHoursBeforeDeadline,
                  long memberMinimumMinutes, long memberMaximumMinutes, long organisationMinimumMinutes,
                  long organisationMaximumMinutes, long warningMarginMinutes, boolean logOnBehalfAllowed,
                  List<String> kinds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(String id, String name, List<String> staffIds, List<String> offers) {

        public List<String> offersOrNone() {
            return offers == null ? List.of() : offers;
        }

        public List<String> staffOrNone() {
            return staffIds == null ? List.of() : staffIds;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(String memberId, List<String> roles, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String what, String from, String to) {
    }

    /** One recorded change; {@code subjectName} only where the ledger knows it (an organisation, the timebank). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, Instant at, String by, String action, String subjectId, String subjectName,
                 List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuditPage(int total, List<Entry> entries) {
    }

    Policy policy(String tb) {
        return services.ledger().get().uri(TB + "/policy", tb).retrieve().body(Policy.class);
    }

    void setPolicy(String tb, Policy policy) {
        services.ledger().put().uri(TB + "/policy", tb).contentType(MediaType.APPLICATION_JSON).body(policy)
                .retrieve().toBodilessEntity();
    }

    List<Organisation> organisations(String tb) {
        List<Organisation> all = services.ledger().get().uri(TB + "/organisations", tb).retrieve()
                .body(new ParameterizedTypeReference<List<Organisation>>() { });
        return all == null ? List.of() : all;
    }

    Organisation organisation(String tb, String id) {
        return services.ledger().get().uri(TB + "/organisations/{id}", tb, id).retrieve().body(Organisation.class);
    }

    Organisation open(String tb, String requestId, String name) {
        return services.ledger().post().uri(TB + "/organisations", tb).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}")) {
                        h.set("Idempotency-Key", requestId);
                    }
                })
                .body(Map.of("name", name, "staffIds", List.of())).retrieve().body(Organisation.class);
    }

    void edit(String tb, String id, String name, List<String> offers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("offers", offers);
        services.ledger().put().uri(TB + "/organisations/{id}", tb, id).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity();
    }

    void setStaff(String tb, String id, List<String> staffIds) {
        services.ledger().put().uri(TB + "/organisations/{id}/staff", tb, id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("staffIds", staffIds)).retrieve().toBodilessEntity();
    }

    Account account(String tb, String memberId) {
        return services.identity().get().uri(TB + "/accounts/{m}", tb, memberId).retrieve().body(Account.class);
    }

    void setRoles(String tb, String memberId, List<String> roles) {
        services.identity().put().uri(TB + "/accounts/{m}/roles", tb, memberId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("roles", roles)).retrieve().toBodilessEntity();
    }

    /** The first {@code count} records of the ledger's and identity's, each newest first. */
    AuditPage ledgerAudit(String tb, int count) {
        return services.ledger().get().uri(u -> u.path(TB + "/audit").queryParam("size", count).build(tb))
                .retrieve().body(AuditPage.class);
    }

    AuditPage identityAudit(String tb, int count) {
        return services.identity().get().uri(u -> u.path(TB + "/audit").queryParam("size", count).build(tb))
                .retrieve().body(AuditPage.class);
    }
}
