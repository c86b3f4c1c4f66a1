package org.reciprocity.ledger.book;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.reciprocity.contracts.contribution.CoproductionKind;

/** A timebank's policy as stored inside its timebank document. */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    public static Document write(Policy p) {
        return new Document("zone", p.zone().getId())
                .append("validationWindowDays", p.validationWindow().toDays())
                .append("reminderHours", p.reminders().stream().map(Duration::toHours).toList())
                .append("memberMinimum", p.memberMinimum().value())
                .append("memberMaximum", p.memberMaximum().value())
                .append("organisationMinimum", p.organisationMinimum().value())
                .append("organisationMaximum", p.organisationMaximum().value())
                .append("warningMargin", p.warningMargin().value())
                .append("logOnBehalfAllowed", p.logOnBehalfAllowed())
                .append("kinds", p.kinds().stream().map(Enum::name).sorted().toList());
    }

    public static Policy read(Document d, Policy defaults) {
        List<Number> reminderHours = d.getList("reminderHours", Number.class, List.of());
        List<String> kinds = d.getList("kinds", String.class, List.of());
        Set<CoproductionKind> kindSet = EnumSet.noneOf(CoproductionKind.class);
        kinds.forEach(k -> kindSet.add(CoproductionKind.valueOf(k)));
        return new Policy(ZoneId.of(d.getString("zone")),
                Duration.ofDays(((Number) d.get("validationWindowDays")).longValue()),
                reminderHours.stream().map(h -> Duration.ofHours(h.longValue())).toList(),
                Minutes.of(((Number) d.get("memberMinimum")).longValue()),
                Minutes.of(((Number) d.get("memberMaximum")).longValue()),
                Minutes.of(((Number) d.get("organisationMinimum")).longValue()),
                Minutes.of(((Number) d.get("organisationMaximum")).longValue()),
                Minutes.of(((Number) d.get("warningMargin")).longValue()),
                d.getBoolean("logOnBehalfAllowed", defaults.logOnBehalfAllowed()), kindSet);
    }
}
