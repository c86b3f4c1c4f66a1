package org.reciprocity.ledger.record;

import java.time.LocalDate;
import java.util.Set;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * What the member chose to show in a record. Nothing else about them reaches it: no notes, no
 * descriptions, no other person's name.
 *
 * @param showName  their display name in the record (else the record names nobody)
 * @param kinds     the kinds of contribution to include; empty means every kind
 * @param from      the first day to include (the day the time was given), or null for no limit
 * @param to        the last day to include, or null for no limit
 * @param showDates each entry's day and the day it was validated (else only kind, time and who validated)
 */
record Sharing(boolean showName, Set<CoproductionKind> kinds, LocalDate from, LocalDate to, boolean showDates) {

    Sharing {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    boolean includes(GivenTime given) {
        return (kinds.isEmpty() || kinds.contains(given.kind()))
                && (from == null || !given.happenedOn().isBefore(from))
                && (to == null || !given.happenedOn().isAfter(to));
    }
}
