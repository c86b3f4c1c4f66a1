package org.reciprocity.ledger.timebank;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.reciprocity.ledger.audit.AdminAudit;
import org.reciprocity.ledger.audit.AdminAudit.Change;
import org.reciprocity.ledger.book.Policy;

/** What differs between two policies, setting by setting, for the audit (the names are the API's). */
final class PolicyChanges {

    private PolicyChanges() {
    }

    static List<Change> between(Policy old, Policy now) {
        List<Change> changes = new ArrayList<>();
        AdminAudit.compare(changes, "memberMinimumMinutes", old.memberMinimum().value(), now.memberMinimum().value());
        AdminAudit.compare(changes, "memberMaximumMinutes", old.memberMaximum().value(), now.memberMaximum().value());
        AdminAudit.compare(changes, "organisationMinimumMinutes", old.organisationMinimum().value(),
                now.organisationMinimum().value());
        AdminAudit.compare(changes, "organisationMaximumMinutes", old.organisationMaximum().value(),
                now.organisationMaximum().value());
        AdminAudit.compare(changes, "warningMarginMinutes", old.warningMargin().value(), now.warningMargin().value());
        AdminAudit.compare(changes, "validationWindowDays", old.validationWindow().toDays(), now.validationWindow().toDays());
        AdminAudit.compare(changes, "reminderHoursBeforeDeadline", hours(old.reminders()), hours(now.reminders()));
        AdminAudit.compare(changes, "zoneId", old.zone().getId(), now.zone().getId());
        AdminAudit.compare(changes, "logOnBehalfAllowed", old.logOnBehalfAllowed(), now.logOnBehalfAllowed());
        AdminAudit.compare(changes, "kinds", old.kinds().stream().map(Enum::name).sorted().toList(),
                now.kinds().stream().map(Enum::name).sorted().toList());
        return changes;
    }

    private static String hours(List<Duration> reminders) {
        return String.join(",", reminders.stream().map(d -> Long.toString(d.toHours())).toList());
    }
}
