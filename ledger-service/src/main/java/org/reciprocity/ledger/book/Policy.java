package org.reciprocity.ledger.book;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * A timebank's rules, set by its admin.
 *
 * @param validationWindow how long a logged contribution waits for validation before it expires;
 *                         also how far back a contribution may be logged
 * @param reminders        how long before the deadline each reminder goes out, earliest first; the
 *                         last one is the "last call"
 * @param warningMargin    a balance within this of a hard limit warns (allowed, but the member and
 *                         the coordinator are told); zero turns warnings off
 */
public record Policy(ZoneId zone, Duration validationWindow, List<Duration> reminders,
                     Minutes memberMinimum, Minutes memberMaximum, Minutes organisationMinimum,
                     Minutes organisationMaximum, Minutes warningMargin, boolean logOnBehalfAllowed,
                     Set<CoproductionKind> kinds) {

    public Policy {
        if (validationWindow.isNegative() || validationWindow.isZero() || validationWindow.toDays() > 90) {
            throw new IllegalArgumentException("The validation window is 1 to 90 days.");
        }
        if (memberMinimum.value() > 0 || memberMaximum.value() < 0
                || organisationMinimum.value() > 0 || organisationMaximum.value() < 0) {
            throw new IllegalArgumentException("Minimum balances are zero or below, maximum balances zero or above.");
        }
        if (warningMargin.value() < 0) {
            throw new IllegalArgumentException("The warning margin cannot be negative.");
        }
        reminders = reminders.stream().sorted((a, b) -> b.compareTo(a)).toList();
        kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(CoproductionKind.class) : Set.copyOf(kinds);
    }

    /** Members between -10 h and +100 h, organisations down to -1,000 h, 14 days to validate. */
    public static Policy defaults(ZoneId zone) {
        return new Policy(zone, Duration.ofDays(14), List.of(Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(1)),
                Minutes.hours(-10), Minutes.hours(100), Minutes.hours(-1000), Minutes.hours(100_000),
                Minutes.hours(2), true, EnumSet.allOf(CoproductionKind.class));
    }

    public Minutes minimum(AccountKind kind) {
        return kind == AccountKind.MEMBER ? memberMinimum : organisationMinimum;
    }

    public Minutes maximum(AccountKind kind) {
        return kind == AccountKind.MEMBER ? memberMaximum : organisationMaximum;
    }
}
