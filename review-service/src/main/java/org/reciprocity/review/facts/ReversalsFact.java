package org.reciprocity.review.facts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The entries that reverse one transfer, keyed {@code <timebank>|<reversed transfer>}: how the
 * original, when it arrives after its reversal, finds it by {@code _id}. A union, so order-free.
 */
public record ReversalsFact(String timebankId, String reversedTransferId, Map<String, Reversal> reversals)
        implements Fact<ReversalsFact> {

    /** A reversing entry: its transfer id is the map's key. */
    public record Reversal(Instant at, long minutes) {
    }

    public ReversalsFact {
        reversals = Map.copyOf(reversals);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, reversedTransferId);
    }

    @Override
    public ReversalsFact merge(ReversalsFact other) {
        if (reversals.keySet().containsAll(other.reversals.keySet())) {
            return this;
        }
        Map<String, Reversal> all = new HashMap<>(reversals);
        other.reversals.forEach(all::putIfAbsent);
        return new ReversalsFact(timebankId, reversedTransferId, all);
    }
}
