package org.reciprocity.ledger.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.reciprocity.contracts.member.MemberDetailsRecorded.KindSince;
import org.reciprocity.contracts.member.MemberKind;

/**
 * A member's kind over time, oldest first, as the member document keeps it ({@code kinds}): the
 * review counts hours by the kind a member had then, and the details topic carries the whole history
 * because it is the only place a kind travels (docs/personal-data.md 2.3).
 */
final class KindHistory {

    private KindHistory() {
    }

    /**
     * The history as stored; a document written before the history was kept reads as its one kind
     * since the member joined (or, lacking even that, since the earliest instant there is).
     */
    static List<KindSince> of(List<KindSince> stored, MemberKind kind, Instant registeredAt) {
        if (stored != null && !stored.isEmpty()) {
            return List.copyOf(stored);
        }
        if (kind == null) {
            return List.of();
        }
        return List.of(new KindSince(kind, stored(registeredAt == null ? Instant.EPOCH : registeredAt)));
    }

    /** The history once the member is of {@code kind} from {@code at}: unchanged when that is already their kind. */
    static List<KindSince> after(List<KindSince> history, MemberKind kind, Instant at) {
        if (!history.isEmpty() && history.get(history.size() - 1).kind() == kind) {
            return history;
        }
        List<KindSince> longer = new ArrayList<>(history);
        longer.add(new KindSince(kind, stored(at)));
        return List.copyOf(longer);
    }

    /** As the store keeps it (milliseconds): the record published now and the history read back later agree. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
