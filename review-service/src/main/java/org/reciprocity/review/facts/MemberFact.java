package org.reciprocity.review.facts;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member as the members' topic tells it, keyed {@code <timebank>|<member>}.
 *
 * <p>A member's kind may change ({@code MemberDetailsChanged}). Past hours keep the kind the
 * member had when they were posted: parity over time asks how hours flowed between service users
 * and staff then, and a carer who later joins the staff did not give as staff last year. So the
 * document keeps every kind the member has had, by the member's version (registration is version
 * {@value #REGISTRATION_VERSION}) with when it took effect, and {@link #kindAt} reads it; a change
 * that arrives late corrects the figures it touches, since figures join kinds when read.
 *
 * @param kinds       version → the kind from then on
 * @param name        the display name of the highest version seen (for the review's rows)
 * @param nameVersion its version
 * @param statusAt    when the latest suspension or reactivation happened, or {@code null}
 * @param suspended   whether that latest one was a suspension
 */
public record MemberFact(String timebankId, String memberId, Map<Long, KindSince> kinds, String name, long nameVersion,
                         Instant statusAt, boolean suspended) implements Fact<MemberFact> {

    public static final long REGISTRATION_VERSION = -1;

    public record KindSince(Instant since, PartyKind kind) {
    }

    public MemberFact {
        kinds = Map.copyOf(kinds);
    }

    public static MemberFact registered(String timebankId, String memberId, PartyKind kind, String name, Instant at) {
        return new MemberFact(timebankId, memberId, Map.of(REGISTRATION_VERSION, new KindSince(at, kind)), name,
                REGISTRATION_VERSION, null, false);
    }

    public static MemberFact changed(String timebankId, String memberId, long version, PartyKind kind, String name,
                                     Instant at) {
        return new MemberFact(timebankId, memberId, Map.of(version, new KindSince(at, kind)), name, version, null, false);
    }

    public static MemberFact status(String timebankId, String memberId, Instant at, boolean suspended) {
        return new MemberFact(timebankId, memberId, Map.of(), null, Long.MIN_VALUE, at, suspended);
    }

    @Override
    public String id() {
        return Keys.of(timebankId, memberId);
    }

    @Override
    public MemberFact merge(MemberFact other) {
        Map<Long, KindSince> all = new TreeMap<>(kinds);
        // one version is one state of the member: two events naming it say the same; keep the earlier, to be total
        other.kinds.forEach((version, kind) -> all.merge(version, kind,
                (a, b) -> a.since().compareTo(b.since()) <= 0 ? a : b));
        boolean otherName = other.nameVersion > nameVersion
                || (other.nameVersion == nameVersion && other.name != null
                && (name == null || other.name.compareTo(name) < 0));
        boolean otherStatus = other.statusAt != null && (statusAt == null || other.statusAt.isAfter(statusAt)
                || (other.statusAt.equals(statusAt) && other.suspended));
        return new MemberFact(timebankId, memberId, all, otherName ? other.name : name,
                Math.max(nameVersion, other.nameVersion), otherStatus ? other.statusAt : statusAt,
                otherStatus ? other.suspended : suspended);
    }

    /** The kind now: the highest version's; {@code null} when only a suspension has been seen yet. */
    public PartyKind kind() {
        return kinds.isEmpty() ? null : new TreeMap<>(kinds).lastEntry().getValue().kind();
    }

    /** The kind the member had at {@code at}: of the highest version in effect then, else the earliest known. */
    public PartyKind kindAt(Instant at) {
        if (kinds.isEmpty()) {
            return null;
        }
        TreeMap<Long, KindSince> byVersion = new TreeMap<>(kinds);
        return byVersion.descendingMap().values().stream().filter(k -> !k.since().isAfter(at)).findFirst()
                .orElse(byVersion.firstEntry().getValue()).kind();
    }

    /** Whether the members' topic has told this member's kind (a suspension alone does not). */
    public boolean known() {
        return !kinds.isEmpty();
    }
}
