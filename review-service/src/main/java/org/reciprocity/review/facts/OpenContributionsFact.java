package org.reciprocity.review.facts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The contributions an account is a side of and how far each went, keyed {@code <timebank>|<account>}:
 * the review's "waiting for a validation" is read from one document a member instead of every
 * contribution of the timebank. Kept from the merged {@link ContributionFact}s (which know both
 * sides once {@code ContributionLogged} is seen); an entry's state only moves forward, so the
 * merge (the further state wins) is order-free and idempotent like the contribution's own.
 */
public record OpenContributionsFact(String timebankId, String accountId, Map<String, Entry> entries)
        implements Fact<OpenContributionsFact> {

    /** @param loggedAt when the contribution was logged; {@code status} the furthest state seen */
    public record Entry(Instant loggedAt, ContributionFact.Status status) {

        Entry join(Entry other) {
            return other.status.ordinal() > status.ordinal() ? other : this;
        }

        public boolean waiting() {
            return status.open();
        }
    }

    public OpenContributionsFact {
        entries = Map.copyOf(entries);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, accountId);
    }

    @Override
    public OpenContributionsFact merge(OpenContributionsFact other) {
        if (entries.keySet().containsAll(other.entries.keySet()) && other.entries.entrySet().stream()
                .allMatch(e -> entries.get(e.getKey()).join(e.getValue()) == entries.get(e.getKey()))) {
            return this;
        }
        Map<String, Entry> all = new HashMap<>(entries);
        other.entries.forEach((id, entry) -> all.merge(id, entry, Entry::join));
        return new OpenContributionsFact(timebankId, accountId, all);
    }

    @Override
    public OpenContributionsFact forget(java.util.function.Predicate<String> erased) {
        return erased.test(accountId) ? null : this;
    }
}
