package org.reciprocity.kit.retention;

import java.util.List;

import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The last reports of this service's retention job, for a timebank's admin (the counts cover every
 * timebank the service holds: they say how many, never whose). Not scanned: a service with a
 * retention job imports it and names who may read it under the rule {@value #RULE}.
 */
@RestController
public class RetentionReportsController {

    public static final String RULE = "RETENTION_REPORTS_READ";
    static final int SHOWN = 30;

    private final Retention retention;

    public RetentionReportsController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/admin/retention/reports")
    @Access(RULE)
    public ReportsResponse reports(@PathVariable String timebankId) {
        return new ReportsResponse(retention.last(SHOWN));
    }

    /** Newest first, at most 30. */
    public record ReportsResponse(List<RetentionReport> reports) {
    }
}
