package org.reciprocity.review.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.Fact;
import org.reciprocity.review.facts.FactStore;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.MemberFact;
import org.reciprocity.review.facts.MemberMonthFact;
import org.reciprocity.review.facts.OpenContributionsFact;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.Parts;
import org.reciprocity.review.facts.ReviewFacts;

/**
 * One period's review rows, kept from one read to the next and brought up to date from the parts of
 * the projections that changed in between ({@link FactStore#parts}).
 *
 * <p>Why: a timebank of 100,000 members changes every few seconds while it is used, and computing
 * every row again after each change took seconds. Here each source (the members, each stored
 * month's account months, the balances, the open contributions) keeps what it read, by part; a read
 * asks each store for the parts whose version moved, replaces what those parts held, and computes
 * again only the rows of the accounts whose values changed. The rows are the same as computing them
 * all (a property test compares the two after every batch of a random delivery).
 *
 * <p>An account's month keeps the counterparts that were not members when it was summed (an
 * organisation, for the organisation filter); one that becomes a member later is left out when read.
 * A member stops being one only when erased, and the erasure rewrites their id in every other
 * account's months ({@code Keys.ERASED}): those months change, and are summed again.
 */
final class LiveRows {

    /** What an account did in one stored (UTC) month, within the period's instants. */
    private record MonthSum(long given, long received, Instant last, Set<String> others) {
    }

    /** An account's contributions waiting for a validation, and when the oldest was logged. */
    private record Waiting(int count, Instant since) {
    }

    /** What a read sees: rows and their sorted orders, never changed once published. */
    record Snapshot(Map<String, ReviewRow> rows, Map<String, Set<String>> organisations,
                    Map<PartyKind, long[]> erased, Map<String, List<ReviewRow>> sorted,
                    Map<String, List<ReviewRow>> seeds) {

        /** The rows in an order: the previous snapshot's order of the same sort, with the changed rows moved. */
        List<ReviewRow> sorted(String order, Comparator<ReviewRow> comparator) {
            return sorted.computeIfAbsent(order, o -> {
                List<ReviewRow> seed = seeds.get(o);
                List<ReviewRow> all = new ArrayList<>(rows.size());
                if (seed != null) {
                    for (ReviewRow before : seed) {
                        ReviewRow now = rows.get(before.memberId());
                        if (now != null) {
                            all.add(now);
                        }
                    }
                }
                if (all.size() != rows.size()) { // members came: no order to start from
                    all = new ArrayList<>(rows.values());
                }
                all.sort(comparator); // an order with a few rows moved is sorted in about one pass
                return all;
            });
        }

        /** Whether the member had time with the organisation in the period (not with a member of that id). */
        boolean with(String memberId, String organisationId) {
            return organisations.getOrDefault(memberId, Set.of()).contains(organisationId)
                    && !rows.containsKey(organisationId);
        }
    }

    private final ReviewFacts facts;
    private final String timebankId;
    private final ZoneId zone;
    private final Thresholds thresholds;
    private final Instant start;
    private final Instant end;
    private final Source<MemberFact, MemberFact> members;
    private final List<Source<MemberMonthFact, MonthSum>> months = new ArrayList<>();
    private final Source<AccountFact, AccountFact> accounts;
    private final Source<OpenContributionsFact, Waiting> open;
    private final Map<String, ReviewRow> rows = new HashMap<>();
    private final Map<String, Set<String>> organisations = new HashMap<>();
    private Map<PartyKind, long[]> erased = Map.of();
    private long erasures = Long.MIN_VALUE;
    private Snapshot snapshot;
    private long version = Long.MIN_VALUE;
    private long readAt;

    LiveRows(ReviewFacts facts, String timebankId, Period period, ZoneId zone, Thresholds thresholds) {
        this.facts = facts;
        this.timebankId = timebankId;
        this.zone = zone;
        this.thresholds = thresholds;
        this.start = period.from().atDay(1).atStartOfDay(zone).toInstant();
        this.end = period.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        String timebank = Keys.timebank(timebankId);
        members = new Source<>(facts.members(), timebank, MemberFact::memberId, m -> m);
        for (YearMonth stored : ReviewFigures.storedMonths(period, zone)) {
            months.add(new Source<>(facts.memberMonths(), Keys.month(timebankId, stored), MemberMonthFact::accountId,
                    this::sum));
        }
        accounts = new Source<>(facts.accounts(), timebank, AccountFact::accountId, a -> a);
        open = new Source<>(facts.openContributions(), timebank, OpenContributionsFact::accountId, LiveRows::waiting);
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The last snapshot if this process has written nothing to the timebank's projections since it was
     * read ({@code version}, {@link ReviewFacts#changes}) and it was read less than {@code probeEvery}
     * ago; else {@code null}. Reads in between ask no store: another instance's writes are seen at the
     * next probe.
     */
    synchronized Snapshot recent(long version, java.time.Duration probeEvery) {
        return snapshot != null && version == this.version && System.nanoTime() - readAt < probeEvery.toNanos()
                ? snapshot : null;
    }

    /**
     * Brings the rows up to date with the projections and returns what a read sees. {@code version} is
     * the timebank's version read before (so a write meanwhile makes the next read look again);
     * {@code erasedTotals} gives the minutes of erased members (their rows are gone, their hours still
     * count in the totals), asked only when the erasures changed.
     */
    synchronized Snapshot read(long version, Function<String, Map<PartyKind, long[]>> erasedTotals) {
        this.version = version;
        this.readAt = System.nanoTime();
        Set<String> dirty = new HashSet<>();
        members.refresh((id, before, after) -> dirty.add(id));
        for (Source<MemberMonthFact, MonthSum> month : months) {
            month.refresh((id, before, after) -> dirty.add(id));
        }
        accounts.refresh((id, before, after) -> dirty.add(id));
        open.refresh((id, before, after) -> dirty.add(id));
        long erasuresNow = facts.erasures().changes(timebankId);
        boolean erasedChanged = erasuresNow != erasures;
        if (erasedChanged) {
            erasures = erasuresNow;
            erased = erasedTotals.apply(timebankId);
        }
        if (snapshot != null && dirty.isEmpty() && !erasedChanged) {
            return snapshot;
        }
        for (String id : dirty) {
            MemberFact member = members.values.get(id);
            if (member == null || !member.known()) {
                rows.remove(id); // an organisation's account, or a member not told yet: no row of its own
                organisations.remove(id);
                continue;
            }
            rows.put(id, row(member));
            Set<String> others = new HashSet<>();
            for (Source<MemberMonthFact, MonthSum> month : months) {
                MonthSum sum = month.values.get(id);
                if (sum != null) {
                    others.addAll(sum.others());
                }
            }
            if (others.isEmpty()) {
                organisations.remove(id);
            } else {
                organisations.put(id, Set.copyOf(others));
            }
        }
        Map<String, List<ReviewRow>> seeds = new HashMap<>();
        if (snapshot != null) {
            seeds.putAll(snapshot.seeds());
            seeds.putAll(snapshot.sorted());
        }
        snapshot = new Snapshot(Map.copyOf(rows), Map.copyOf(organisations), erased, new ConcurrentHashMap<>(),
                seeds);
        return snapshot;
    }

    /** The row as far as it does not depend on when it is read (the long wait is added when read). */
    private ReviewRow row(MemberFact member) {
        String id = member.memberId();
        long given = 0;
        long received = 0;
        Instant last = null;
        for (Source<MemberMonthFact, MonthSum> month : months) {
            MonthSum sum = month.values.get(id);
            if (sum != null) {
                given += sum.given();
                received += sum.received();
                last = last == null || (sum.last() != null && sum.last().isAfter(last)) ? sum.last() : last;
            }
        }
        Waiting waiting = open.values.get(id);
        AccountFact account = accounts.values.get(id);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (received >= thresholds.muchMinutes() && given <= 0) {
            flags.add(Flag.RECEIVED_MUCH_NEVER_GAVE);
        }
        if (given >= thresholds.muchMinutes() && received <= 0) {
            flags.add(Flag.GAVE_MUCH_NEVER_RECEIVED);
        }
        if (account != null && account.nearLimit()) {
            flags.add(Flag.NEAR_LIMIT);
        }
        return new ReviewRow(id, member.name(), member.kind(), member.suspended(), given, received,
                account == null ? 0 : account.balance(), Ratios.percent(given, given + received), last,
                waiting == null ? 0 : waiting.count(), waiting == null ? null : waiting.since(), flags);
    }

    /** The account's entries of one stored month that fall in the period; {@code null} if none does. */
    private MonthSum sum(MemberMonthFact month) {
        long given = 0;
        long received = 0;
        Instant last = null;
        Set<String> others = null;
        for (MemberMonthFact.Entry entry : month.entries().values()) {
            if (entry.at().isBefore(start) || !entry.at().isBefore(end)) {
                continue;
            }
            last = last == null || entry.at().isAfter(last) ? entry.at() : last;
            if (entry.flow()) {
                given += entry.given();
                received += entry.received();
                MemberFact other = members.values.get(entry.counterpart());
                if ((other == null || !other.known()) && entry.counterpart() != null
                        && !Keys.ERASED.equals(entry.counterpart())) {
                    if (others == null) {
                        others = new HashSet<>();
                    }
                    others.add(entry.counterpart());
                }
            }
        }
        return last == null ? null : new MonthSum(given, received, last, others == null ? Set.of() : Set.copyOf(others));
    }

    private static Waiting waiting(OpenContributionsFact open) {
        int count = 0;
        Instant since = null;
        for (OpenContributionsFact.Entry entry : open.entries().values()) {
            if (entry.waiting()) {
                count++;
                since = since == null || entry.loggedAt().isBefore(since) ? entry.loggedAt() : since;
            }
        }
        return count == 0 ? null : new Waiting(count, since);
    }

    /** What changed for one key of a source: its value before and after ({@code null} when there was or is none). */
    @FunctionalInterface
    private interface Change<V> {
        void changed(String key, V before, V after);
    }

    /** One store's facts under a prefix, kept by part as values a row is made of. */
    private static final class Source<F extends Fact<F>, V> {
        private final FactStore<F> store;
        private final String prefix;
        private final Function<F, String> key;
        private final Function<F, V> value;
        private final Map<String, Long> versions = new HashMap<>();
        private final Map<String, Set<String>> keysOf = new HashMap<>();
        final Map<String, V> values = new HashMap<>();

        Source(FactStore<F> store, String prefix, Function<F, String> key, Function<F, V> value) {
            this.store = store;
            this.prefix = prefix;
            this.key = key;
            this.value = value;
        }

        void refresh(Change<V> change) {
            Parts<F> parts = store.parts(prefix, versions);
            for (String part : new ArrayList<>(keysOf.keySet())) {
                if (!parts.versions().containsKey(part)) {
                    replace(part, List.of(), change);
                }
            }
            parts.read().forEach((part, read) -> replace(part, read, change));
            parts.changed().forEach((part, changed) -> update(part, changed, change));
            versions.clear();
            versions.putAll(parts.versions());
        }

        /** A part read whole: what it held and no longer holds is gone. */
        private void replace(String part, List<F> read, Change<V> change) {
            Map<String, V> next = new HashMap<>();
            for (F fact : read) {
                V v = value.apply(fact);
                if (v != null) {
                    next.put(key.apply(fact), v);
                }
            }
            for (String gone : keysOf.getOrDefault(part, Set.of())) {
                if (!next.containsKey(gone)) {
                    change.changed(gone, values.remove(gone), null);
                }
            }
            next.forEach((k, v) -> {
                V before = values.put(k, v);
                if (!v.equals(before)) {
                    change.changed(k, before, v);
                }
            });
            if (next.isEmpty()) {
                keysOf.remove(part);
            } else {
                keysOf.put(part, new HashSet<>(next.keySet()));
            }
        }

        /** Only the facts of a part that changed: the rest of it is as held. */
        private void update(String part, List<F> changed, Change<V> change) {
            Set<String> keys = keysOf.computeIfAbsent(part, p -> new HashSet<>());
            for (F fact : changed) {
                String k = key.apply(fact);
                V v = value.apply(fact);
                V before = v == null ? values.remove(k) : values.put(k, v);
                if (v == null) {
                    keys.remove(k);
                } else {
                    keys.add(k);
                }
                if (v == null ? before != null : !v.equals(before)) {
                    change.changed(k, before, v);
                }
            }
            if (keys.isEmpty()) {
                keysOf.remove(part);
            }
        }
    }
}
