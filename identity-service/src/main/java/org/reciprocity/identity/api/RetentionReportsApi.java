package org.reciprocity.identity.api;

import java.util.List;
import java.util.Set;

import org.reciprocity.identity.retention.RetentionJob;
import org.reciprocity.kit.retention.RetentionReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The last reports of identity's retention job (counts of expired links and tokens removed), for a
 * timebank's admins: the same path and answer as the other services' (the kit's
 * {@code RetentionReportsController}); identity checks its one rule itself, as {@link AuditApi} does.
 */
@RestController
class RetentionReportsApi {

    static final int SHOWN = 30;
    private final RetentionJob retention;

    RetentionReportsApi(RetentionJob retention) {
        this.retention = retention;
    }

    record ReportsResponse(List<RetentionReport> reports) {
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/admin/retention/reports")
    ReportsResponse reports(@PathVariable String timebankId, @AuthenticationPrincipal Jwt caller) {
        List<String> roles = caller.getClaimAsStringList("roles");
        if (!timebankId.equals(caller.getClaimAsString("timebank_id")) || roles == null
                || roles.stream().noneMatch(Set.of("ADMIN")::contains)) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        return new ReportsResponse(retention.last(SHOWN));
    }
}
