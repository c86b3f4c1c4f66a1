package org.reciprocity.portal.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The statement's period filter: this month, the last three months, this year, or everything. */
enum Period {
    MONTH, QUARTER, YEAR, ALL;

    static final List<Period> ALL_PERIODS = List.of(values());

    static Period of(String value) {
        for (Period p : values()) {
            if (p.name().equalsIgnoreCase(value)) {
                return p;
            }
        }
        return ALL;
    }

    /** Where the period starts, in the timebank's zone; null for everything. */
    Instant from(LocalDate today, ZoneId zone) {
        return switch (this) {
            case MONTH -> today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
            case QUARTER -> today.withDayOfMonth(1).minusMonths(2).atStartOfDay(zone).toInstant();
            case YEAR -> today.withDayOfYear(1).atStartOfDay(zone).toInstant();
            case ALL -> null;
        };
    }

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
