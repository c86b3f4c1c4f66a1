package org.reciprocity.review.facts;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * What one account did in one UTC month, keyed {@code <timebank>|<yyyy-MM>|<account>}: one entry a
 * ledger entry touching it, by transfer id. The review reads these instead of the month's postings,
 * one document a member. Entries keep their instant, so a month in the timebank's zone is read from
 * the (at most two) UTC months it overlaps, exact to the minute.
 *
 * <p>Merging is a union by transfer id; an entry that knows its flow wins over one that does not yet
 * (a reversal folded before the entry it reverses), so redelivery and reordering give the same
 * document.
 */
public record MemberMonthFact(String timebankId, YearMonth month, String accountId, Map<String, Entry> entries)
        implements Fact<MemberMonthFact> {

    /**
     * One ledger entry as this account saw it.
     *
     * @param at          when it was posted
     * @param flow        whether it is time given or received (a contribution, or the reversal of one)
     * @param given       minutes the account gave (negative for a reversal)
     * @param received    minutes the account received (negative for a reversal)
     * @param counterpart the other side of the flow, or {@code null}
     */
    public record Entry(Instant at, boolean flow, long given, long received, String counterpart) {

        static Entry activity(Instant at) {
            return new Entry(at, false, 0, 0, null);
        }

        Entry join(Entry other) {
            return other.flow && !flow ? other : this;
        }
    }

    public MemberMonthFact {
        entries = Map.copyOf(entries);
    }

    public static MemberMonthFact of(String timebankId, Instant at, String accountId, String transferId, Entry entry) {
        return new MemberMonthFact(timebankId, Keys.monthOf(at), accountId, Map.of(transferId, entry));
    }

    @Override
    public String id() {
        return Keys.of(timebankId, month, accountId);
    }

    @Override
    public MemberMonthFact merge(MemberMonthFact other) {
        if (entries.keySet().containsAll(other.entries.keySet())
                && other.entries.entrySet().stream().allMatch(e -> entries.get(e.getKey()).join(e.getValue())
                .equals(entries.get(e.getKey())))) {
            return this; // nothing new: keep the same instance, so a redelivery writes nothing
        }
        Map<String, Entry> all = new HashMap<>(entries);
        other.entries.forEach((id, entry) -> all.merge(id, entry, Entry::join));
        return new MemberMonthFact(timebankId, month, accountId, all);
    }

    /** The erased member's months go; in others' months they are {@link Keys#ERASED}, the minutes stay. */
    @Override
    public MemberMonthFact forget(java.util.function.Predicate<String> erased) {
        if (erased.test(accountId)) {
            return null;
        }
        if (entries.values().stream().noneMatch(e -> e.counterpart() != null && erased.test(e.counterpart()))) {
            return this;
        }
        Map<String, Entry> all = new HashMap<>();
        entries.forEach((id, e) -> all.put(id, new Entry(e.at(), e.flow(), e.given(), e.received(),
                Keys.forget(e.counterpart(), erased))));
        return new MemberMonthFact(timebankId, month, accountId, all);
    }
}
