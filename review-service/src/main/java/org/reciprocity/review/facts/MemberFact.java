package org.reciprocity.review.facts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A member as the details topic and the members topic tell it, keyed {@code <timebank>|<member>}.
 *
 * <p>Name and kind come only from {@code MemberDetailsRecorded} (the compacted details topic): each
 * record carries the member's whole kind history ({@code kinds}, each with the instant it took
 * effect), and the record of the highest {@code version} wins, so records arriving late, twice or
 * after compaction skipped some give the same document. Past hours keep the kind the member had
 * when they were posted: parity over time asks how hours flowed between service users and staff
 * then, and a carer who later joins the staff did not give as staff last year ({@link #kindAt}).
 * Suspensions come from the members topic.
 *
 * @param kinds     the kind history of the highest version seen, oldest first
 * @param name      the display name of that version
 * @param version   that version ({@link Long#MIN_VALUE} while no details record has been seen)
 * @param statusAt  when the latest suspension or reactivation happened, or {@code null}
 * @param suspended whether that latest one was a suspension
 */
public record MemberFact(String timebankId, String memberId, List<KindSince> kinds, String name, long version,
                         Instant statusAt, boolean suspended) implements Fact<MemberFact> {

    public record KindSince(Instant since, PartyKind kind) {
    }

    private static final Comparator<KindSince> BY_SINCE = Comparator.comparing(KindSince::since)
            .thenComparing(KindSince::kind);

    public MemberFact {
        kinds = kinds.stream().sorted(BY_SINCE).toList();
    }

    /** What one details record says: the member's name and kind history at {@code version}. */
    public static MemberFact details(String timebankId, String memberId, long version, String name,
                                     List<KindSince> kinds) {
        return new MemberFact(timebankId, memberId, kinds, name, version, null, false);
    }

    public static MemberFact status(String timebankId, String memberId, Instant at, boolean suspended) {
        return new MemberFact(timebankId, memberId, List.of(), null, Long.MIN_VALUE, at, suspended);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, memberId);
    }

    @Override
    public MemberFact merge(MemberFact other) {
        // one version is one record of the member: two copies say the same; of two differing, keep one by content, to be total
        boolean otherDetails = other.version > version || (other.version == version && other.version != Long.MIN_VALUE
                && (other.name + other.kinds).compareTo(name + kinds) < 0);
        MemberFact details = otherDetails ? other : this;
        boolean otherStatus = other.statusAt != null && (statusAt == null || other.statusAt.isAfter(statusAt)
                || (other.statusAt.equals(statusAt) && other.suspended));
        return new MemberFact(timebankId, memberId, details.kinds, details.name, details.version,
                otherStatus ? other.statusAt : statusAt, otherStatus ? other.suspended : suspended);
    }

    /** The erased member's own document goes; nothing in another member's names them. */
    @Override
    public MemberFact forget(Predicate<String> erased) {
        return erased.test(memberId) ? null : this;
    }

    /** The kind now: the newest of the history; {@code null} when no details record has been seen yet. */
    public PartyKind kind() {
        return kinds.isEmpty() ? null : kinds.get(kinds.size() - 1).kind();
    }

    /** The kind the member had at {@code at}: the latest that took effect by then, else the earliest known. */
    public PartyKind kindAt(Instant at) {
        if (kinds.isEmpty()) {
            return null;
        }
        PartyKind kind = kinds.get(0).kind();
        for (KindSince k : kinds) {
            if (!k.since().isAfter(at)) {
                kind = k.kind();
            }
        }
        return kind;
    }

    /** Whether the details topic has told this member's kind (a suspension alone does not). */
    public boolean known() {
        return !kinds.isEmpty();
    }
}
