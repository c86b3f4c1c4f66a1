package org.reciprocity.review.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.ContributionFact;
import org.reciprocity.review.facts.ErasedContribution;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.MemberFact;
import org.reciprocity.review.facts.MemberMonthFact;
import org.reciprocity.review.facts.OpenContributionsFact;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.PostingFact;
import org.reciprocity.review.facts.ReviewFacts;
import org.reciprocity.review.facts.TimebankFact;
import org.reciprocity.review.facts.TransferMonthFact;

/**
 * The review's figures, read from the projections, for months of the timebank's own zone.
 *
 * <p>The review reads one document a member for each kind of thing it shows, by {@code _id} range:
 * the member, the account's months ({@link MemberMonthFact}: its entries of the (at most two) UTC months
 * the period's months overlap, each kept with its instant, so the zone's month is exact to the
 * minute), the account's balance and the account's contributions with their states. Parity and the
 * indicators read the period's ledger entries (one {@code _id} range a UTC month), joined by
 * {@code _id} with the members' kinds and the contributions' kinds. Joining when read is what keeps
 * figures exact whatever order the topics were read in: a kind or a contribution that arrives late
 * is simply there at the next read.
 *
 * <p>The review's rows are kept from one read to the next and brought up to date from the parts of
 * the projections that changed ({@link LiveRows}): after a new entry, a read computes again the rows
 * of the accounts it touched, not of every member. Parity and the indicators are kept while the
 * projections have not changed for that timebank ({@link ReviewFacts#changes}), and computed again
 * whole after a change.
 */
public final class ReviewFigures {

    private static final List<CoproductionKind> INDICATORS = List.of(CoproductionKind.values()).stream()
            .filter(k -> k.level() != CoproductionKind.Level.EVERYDAY).toList();
    /** Periods kept per timebank and kind of figure: a period's rows are a few MB for 100,000 members. */
    private static final int CACHED = 6;

    private final ReviewFacts facts;
    private final Thresholds thresholds;
    private final ZoneId defaultZone;
    private final ToLongFunction<String> version;
    private final Map<Object, Cached<?>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Cached<?>> eldest) {
            return size() > CACHED;
        }
    };
    /** The review's rows by timebank and period, kept up to date from what changed ({@link LiveRows}). */
    private final Map<Object, LiveRows> live = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, LiveRows> eldest) {
            return size() > CACHED;
        }
    };
    /** How long a read trusts that only this process writes the projections: another instance's writes show after it. */
    private static final java.time.Duration PROBE_EVERY = java.time.Duration.ofSeconds(2);

    /** Months in UTC unless a timebank's {@code TimebankOpened} says otherwise. */
    public ReviewFigures(ReviewFacts facts, Thresholds thresholds) {
        this(facts, thresholds, ZoneOffset.UTC, facts::changes);
    }

    /**
     * @param defaultZone the zone of a timebank whose {@code TimebankOpened} has not been read
     * @param version     changes whenever a projection of the timebank changes (what a cached figure is
     *                    checked against)
     */
    public ReviewFigures(ReviewFacts facts, Thresholds thresholds, ZoneId defaultZone, ToLongFunction<String> version) {
        this.facts = facts;
        this.thresholds = thresholds;
        this.defaultZone = defaultZone;
        this.version = version;
    }

    /** The timebank's zone: its months are the review's months. Read each time (one {@code _id}), so it may come late. */
    public ZoneId zoneOf(String timebankId) {
        return facts.timebanks().find(Keys.timebank(timebankId)).map(TimebankFact::zone).orElse(defaultZone);
    }

    private record Cached<T>(long version, T value) {
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String timebankId, Object key, Supplier<T> compute) {
        long now = version.applyAsLong(timebankId);
        synchronized (cache) {
            Cached<?> hit = cache.get(key);
            if (hit != null && hit.version() == now) {
                return (T) hit.value();
            }
        }
        T value = compute.get();
        synchronized (cache) {
            cache.put(key, new Cached<>(now, value));
        }
        return value;
    }

    // ---- the reciprocity review

    private LiveRows.Snapshot rows(String timebankId, Period period) {
        long now = version.applyAsLong(timebankId);
        List<Object> key = List.of("review", timebankId, period);
        LiveRows rows;
        synchronized (live) {
            rows = live.get(key);
        }
        if (rows != null) {
            LiveRows.Snapshot recent = rows.recent(now, PROBE_EVERY);
            if (recent != null) {
                return recent;
            }
        }
        ZoneId zone = zoneOf(timebankId);
        if (rows == null || !rows.zone().equals(zone)) { // a zone read late: the months are other instants
            rows = new LiveRows(facts, timebankId, period, zone, thresholds);
            synchronized (live) {
                live.put(key, rows);
            }
        }
        return rows.read(now, tb -> erasedTotals(tb, period));
    }

    public ReviewPage review(String timebankId, ReviewQuery query, Instant now) {
        LiveRows.Snapshot base = rows(timebankId, query.period());
        String order = query.sort() + (query.descending() ? "-" : "+");
        List<ReviewRow> sorted = base.sorted(order, order(query.sort(), query.descending()));
        List<ReviewRow> rows = new ArrayList<>();
        long given = 0;
        long received = 0;
        int flagged = 0;
        for (ReviewRow row : sorted) {
            if (query.kind() != null && row.kind() != query.kind()) {
                continue;
            }
            if (query.organisationId() != null && !base.with(row.memberId(), query.organisationId())) {
                continue;
            }
            rows.add(row);
            given += row.givenMinutes();
            received += row.receivedMinutes();
            if (!row.flags().isEmpty() || longWait(row, now)) {
                flagged++;
            }
        }
        if (query.organisationId() == null) {
            // erased members have no row, but their hours still count in the totals (an organisation's
            // staff and volunteers are not known once erased: not counted under one)
            for (Map.Entry<PartyKind, long[]> byKind : base.erased().entrySet()) {
                if (query.kind() == null || query.kind() == byKind.getKey()) {
                    given += byKind.getValue()[0];
                    received += byKind.getValue()[1];
                }
            }
        }
        int from = Math.min(rows.size(), query.page() * query.size());
        int to = Math.min(rows.size(), from + query.size());
        List<ReviewRow> page = new ArrayList<>(to - from);
        for (ReviewRow row : rows.subList(from, to)) {
            page.add(longWait(row, now) ? withLongWait(row) : row);
        }
        return new ReviewPage(query.period(), page, query.page(), query.size(), rows.size(), flagged, given, received);
    }

    private boolean longWait(ReviewRow row, Instant now) {
        return row.waitingSince() != null && row.waitingSince().plus(thresholds.longWait()).isBefore(now);
    }

    private static ReviewRow withLongWait(ReviewRow r) {
        Set<Flag> flags = EnumSet.of(Flag.LONG_WAIT_FOR_VALIDATION);
        flags.addAll(r.flags());
        return new ReviewRow(r.memberId(), r.name(), r.kind(), r.suspended(), r.givenMinutes(), r.receivedMinutes(),
                r.balanceMinutes(), r.reciprocityPercent(), r.lastActivity(), r.waitingValidations(), r.waitingSince(),
                flags);
    }

    /**
     * The minutes erased members gave and received in the period, by the kind they had then, from the
     * anonymous figures their erasure kept ({@link ErasedContribution}): their rows are gone, the
     * period's totals are not smaller for it. A side is an erased member when it is an erased person's
     * token; the other side (a member, still counted in their own row, or an organisation) is not added.
     */
    private Map<PartyKind, long[]> erasedTotals(String timebankId, Period period) {
        Map<PartyKind, long[]> totals = new EnumMap<>(PartyKind.class);
        for (ErasedContribution e : facts.erasures().contributions(timebankId)) {
            long minutes = e.minutes().entrySet().stream().filter(m -> period.contains(m.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            if (minutes == 0) {
                continue;
            }
            if (erasedPerson(e.giver()) && e.giverKind() != null) {
                totals.computeIfAbsent(e.giverKind(), k -> new long[2])[0] += minutes;
            }
            if (erasedPerson(e.receiver()) && e.receiverKind() != null) {
                totals.computeIfAbsent(e.receiverKind(), k -> new long[2])[1] += minutes;
            }
        }
        return totals;
    }

    private static boolean erasedPerson(String party) {
        return party != null && party.startsWith(ErasedContribution.PERSON);
    }

    /** The UTC months whose documents hold the period's entries in the zone: one more at either end at most. */
    static List<YearMonth> storedMonths(Period period, ZoneId zone) {
        YearMonth first = Keys.monthOf(period.from().atDay(1).atStartOfDay(zone).toInstant());
        YearMonth last = Keys.monthOf(period.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusNanos(1));
        return new Period(first, last).months();
    }

    private static Comparator<ReviewRow> order(ReviewSort sort, boolean descending) {
        Comparator<ReviewRow> by = switch (sort) {
            case NAME -> Comparator.comparing(ReviewRow::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
            case KIND -> Comparator.comparing(ReviewRow::kind);
            case GIVEN -> Comparator.comparingLong(ReviewRow::givenMinutes);
            case RECEIVED -> Comparator.comparingLong(ReviewRow::receivedMinutes);
            case BALANCE -> Comparator.comparingLong(ReviewRow::balanceMinutes);
            case RECIPROCITY -> Comparator.comparing(ReviewRow::reciprocityPercent,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case LAST_ACTIVITY -> Comparator.comparing(ReviewRow::lastActivity,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case WAITING -> Comparator.comparingInt(ReviewRow::waitingValidations);
        };
        if (descending) {
            by = by.reversed();
        }
        return by.thenComparing(ReviewRow::memberId);
    }

    // ---- parity

    public ParityFigures parity(String timebankId, Period period) {
        List<Flow> flows = flows(timebankId, period).flows();
        Map<YearMonth, List<Flow>> byMonth = new TreeMap<>();
        period.months().forEach(m -> byMonth.put(m, new ArrayList<>()));
        flows.forEach(f -> byMonth.get(f.month()).add(f));
        List<ParityMonth> trend = new ArrayList<>();
        byMonth.forEach((month, monthFlows) -> trend.add(new ParityMonth(month, total(monthFlows), matrix(monthFlows),
                serviceUsers(monthFlows))));
        return new ParityFigures(period, total(flows), matrix(flows), serviceUsers(flows), trend);
    }

    private static long total(List<Flow> flows) {
        return flows.stream().mapToLong(Flow::minutes).sum();
    }

    private static Map<PartyKind, Map<PartyKind, Long>> matrix(List<Flow> flows) {
        Map<PartyKind, Map<PartyKind, Long>> matrix = new EnumMap<>(PartyKind.class);
        for (PartyKind giver : PartyKind.values()) {
            Map<PartyKind, Long> row = new EnumMap<>(PartyKind.class);
            for (PartyKind receiver : PartyKind.values()) {
                row.put(receiver, 0L);
            }
            matrix.put(giver, row);
        }
        flows.forEach(f -> matrix.get(f.giverKind()).merge(f.receiverKind(), f.minutes(), Long::sum));
        return matrix;
    }

    private static Share serviceUsers(List<Flow> flows) {
        long given = 0;
        long received = 0;
        for (Flow flow : flows) {
            if (flow.giverKind() == PartyKind.SERVICE_USER && staffOrService(flow.receiverKind())) {
                given += flow.minutes();
            }
            if (flow.receiverKind() == PartyKind.SERVICE_USER && staffOrService(flow.giverKind())) {
                received += flow.minutes();
            }
        }
        return Share.of(given, received);
    }

    private static boolean staffOrService(PartyKind kind) {
        return kind == PartyKind.STAFF || kind == PartyKind.ORGANISATION;
    }

    // ---- the co-production indicators

    public IndicatorFigures indicators(String timebankId, Period period) {
        Flows read = flows(timebankId, period);
        List<Flow> flows = read.flows();
        List<Indicator> indicators = new ArrayList<>();
        for (CoproductionKind kind : INDICATORS) {
            List<Flow> ofKind = flows.stream().filter(f -> kind == read.kindOf(f)).toList();
            List<Indicator.MonthFigure> trend = new ArrayList<>();
            for (YearMonth month : period.months()) {
                trend.add(new Indicator.MonthFigure(month,
                        figure(kind, ofKind.stream().filter(f -> f.month().equals(month)).toList())));
            }
            indicators.add(new Indicator(kind, kind.level(), figure(kind, ofKind), trend));
        }
        return new IndicatorFigures(period, indicators);
    }

    private static IndicatorFigure figure(CoproductionKind kind, List<Flow> flows) {
        Map<String, List<Flow>> byContribution = flows.stream().collect(Collectors.groupingBy(Flow::contributionId));
        Set<String> people = new HashSet<>();
        Set<String> serviceUsers = new HashSet<>();
        int counted = 0;
        for (List<Flow> contribution : byContribution.values()) {
            if (contribution.stream().mapToLong(Flow::minutes).sum() <= 0) {
                continue;
            }
            counted++;
            Flow first = contribution.get(0);
            take(first.giver(), first.giverKind(), people, serviceUsers);
            take(first.receiver(), first.receiverKind(), people, serviceUsers);
        }
        int needed = kind == CoproductionKind.GOVERNING_BODY ? 2 : 1;
        return new IndicatorFigure(serviceUsers.size() >= needed, counted, people.size(), total(flows),
                serviceUsers.size());
    }

    private static void take(String account, PartyKind kind, Set<String> people, Set<String> serviceUsers) {
        if (kind != PartyKind.ORGANISATION) {
            people.add(account);
        }
        if (kind == PartyKind.SERVICE_USER) {
            serviceUsers.add(account);
        }
    }

    /** The contributions behind one indicator over a period, oldest entry first. */
    public List<BehindFigure> behind(String timebankId, CoproductionKind kind, Period period) {
        Flows read = flows(timebankId, period);
        List<Flow> flows = read.flows();
        Map<String, ContributionFact> contributions = read.contributions();
        ZoneId zone = zoneOf(timebankId);
        Map<String, List<Flow>> byContribution = new LinkedHashMap<>();
        flows.stream().filter(f -> kind == read.kindOf(f))
                .sorted(Comparator.comparing(Flow::at).thenComparing(Flow::contributionId))
                .forEach(f -> byContribution.computeIfAbsent(f.contributionId(), c -> new ArrayList<>()).add(f));
        List<BehindFigure> lines = new ArrayList<>();
        byContribution.forEach((id, contributionFlows) -> {
            Flow first = contributionFlows.get(0);
            Flow last = contributionFlows.get(contributionFlows.size() - 1);
            ErasedContribution erased = read.erased().get(id);
            if (erased != null) {
                // an erased member's: no id of the ledger's, no day (either would lead back to them)
                lines.add(new BehindFigure(id, kind, null, null, total(contributionFlows), first.giverKind(),
                        first.receiverKind(), erased.groupActivity()));
                return;
            }
            ContributionFact.Logged logged = contributions.get(id).logged();
            lines.add(new BehindFigure(id, kind, logged.happenedOn(), LocalDate.ofInstant(last.at(), zone),
                    total(contributionFlows), first.giverKind(), first.receiverKind(), logged.groupActivityId() != null));
        });
        lines.sort(Comparator.comparing(BehindFigure::postedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(BehindFigure::contributionId));
        return lines;
    }

    private static CoproductionKind kindOf(ContributionFact contribution) {
        return contribution == null || contribution.logged() == null ? null : contribution.logged().kind();
    }

    // ---- reading the projections

    /** The period's flows and the contributions behind them, kept while the timebank's projections are unchanged. */
    private record Flows(List<Flow> flows, Map<String, ContributionFact> contributions,
                         Map<String, ErasedContribution> erased) {

        CoproductionKind kindOf(Flow flow) {
            ErasedContribution e = erased.get(flow.contributionId());
            return e != null ? e.kind() : ReviewFigures.kindOf(contributions.get(flow.contributionId()));
        }
    }

    private Flows flows(String timebankId, Period period) {
        return cached(timebankId, List.of("flows", timebankId, period), () -> {
            ZoneId zone = zoneOf(timebankId);
            List<PostingFact> postings = new ArrayList<>();
            for (PostingFact posting : postings(timebankId, period, zone)) {
                if (period.contains(YearMonth.from(posting.at().atZone(zone)))) {
                    postings.add(posting);
                }
            }
            List<Flow> flows = flows(timebankId, postings, members(timebankId), zone);
            Map<String, ContributionFact> contributions = contributions(timebankId, flows);
            Map<String, ErasedContribution> erased = new HashMap<>();
            for (ErasedContribution e : facts.erasures().contributions(timebankId)) {
                erased.put(e.id(), e);
                e.minutes().forEach((month, minutes) -> {
                    if (period.contains(month)) {
                        flows.add(new Flow(month, month.atDay(1).atStartOfDay(zone).toInstant(), e.giver(), e.receiver(),
                                e.giverKind(), e.receiverKind(), minutes, e.id()));
                    }
                });
            }
            return new Flows(flows, contributions, erased);
        });
    }

    private List<PostingFact> postings(String timebankId, Period period, ZoneId zone) {
        List<YearMonth> stored = storedMonths(period, zone);
        return facts.postings().range(Keys.month(timebankId, stored.get(0)),
                Keys.month(timebankId, stored.get(stored.size() - 1)) + Keys.END);
    }

    private Map<String, MemberFact> members(String timebankId) {
        Map<String, MemberFact> members = new LinkedHashMap<>();
        facts.members().withPrefix(Keys.timebank(timebankId)).forEach(m -> members.put(m.memberId(), m));
        return members;
    }

    private Map<String, ContributionFact> contributions(String timebankId, List<Flow> flows) {
        Set<String> ids = flows.stream().map(f -> Keys.of(timebankId, f.contributionId())).collect(Collectors.toSet());
        return facts.contributions().findAll(ids).stream()
                .collect(Collectors.toMap(ContributionFact::contributionId, Function.identity()));
    }

    /**
     * The period's time given and received: contribution entries, and reversals of contribution
     * entries (found by {@code _id} through the month they were posted in, whichever month that is).
     * Redemptions and gifts move balances but are not time given, so they are not flows.
     */
    private List<Flow> flows(String timebankId, List<PostingFact> postings, Map<String, MemberFact> members,
                             ZoneId zone) {
        Map<String, PostingFact> reversed = reversed(timebankId, postings);
        List<Flow> flows = new ArrayList<>();
        for (PostingFact posting : postings) {
            PostingFact original = posting.reason() == TransferReason.CONTRIBUTION ? posting
                    : posting.reason() == TransferReason.REVERSAL && posting.reversesTransferId() != null
                    ? reversed.get(posting.reversesTransferId()) : null;
            if (original == null || original.reason() != TransferReason.CONTRIBUTION || original.contributionId() == null
                    || original.erasedSide()) {
                continue; // an erased member's flows are counted from the erased figures
            }
            long sign = original == posting ? 1 : -1;
            String giver = original.creditAccountId();
            String receiver = original.debitAccountId();
            flows.add(new Flow(YearMonth.from(posting.at().atZone(zone)), posting.at(), giver, receiver, kindAt(members, giver, original.at()),
                    kindAt(members, receiver, original.at()), sign * posting.minutes(), original.contributionId()));
        }
        return flows;
    }

    /**
     * The member's contributions as the figures count them now, anonymous (see
     * {@link ErasedContribution}): what an erasure keeps before the member's documents go. Every
     * month of the timebank's history, in its zone; the member is {@code person} in them, another
     * member their id, an organisation {@code null}.
     */
    public List<ErasedContribution> contributionsOf(String timebankId, String memberId, String person) {
        ZoneId zone = zoneOf(timebankId);
        List<PostingFact> all = facts.postings().withPrefix(Keys.timebank(timebankId));
        List<Flow> flows = flows(timebankId, all, members(timebankId), zone);
        Map<String, ContributionFact> contributions = contributions(timebankId, flows);
        Map<String, List<Flow>> byContribution = new TreeMap<>();
        for (Flow flow : flows) {
            if (flow.giver().equals(memberId) || flow.receiver().equals(memberId)) {
                byContribution.computeIfAbsent(flow.contributionId(), c -> new ArrayList<>()).add(flow);
            }
        }
        List<ErasedContribution> erased = new ArrayList<>();
        byContribution.forEach((id, contributionFlows) -> {
            Flow first = contributionFlows.get(0);
            Map<YearMonth, Long> minutes = new TreeMap<>();
            contributionFlows.forEach(f -> minutes.merge(f.month(), f.minutes(), Long::sum));
            ContributionFact c = contributions.get(id);
            erased.add(new ErasedContribution("erased-" + java.util.UUID.randomUUID(), kindOf(c), first.giverKind(),
                    first.receiverKind(), party(first.giver(), first.giverKind(), memberId, person),
                    party(first.receiver(), first.receiverKind(), memberId, person),
                    c != null && c.logged() != null && c.logged().groupActivityId() != null, minutes));
        });
        return erased;
    }

    private static String party(String account, PartyKind kind, String memberId, String person) {
        return account.equals(memberId) ? person : kind == PartyKind.ORGANISATION ? null : account;
    }

    private Map<String, PostingFact> reversed(String timebankId, List<PostingFact> postings) {
        Set<String> ids = new HashSet<>();
        for (PostingFact posting : postings) {
            if (posting.reason() == TransferReason.REVERSAL && posting.reversesTransferId() != null) {
                ids.add(Keys.of(timebankId, posting.reversesTransferId()));
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> postingIds = facts.transferMonths().findAll(ids).stream().map(TransferMonthFact::postingId).toList();
        return facts.postings().findAll(postingIds).stream()
                .collect(Collectors.toMap(PostingFact::transferId, Function.identity()));
    }

    private static PartyKind kindAt(Map<String, MemberFact> members, String accountId, Instant at) {
        MemberFact member = members.get(accountId);
        return member == null || !member.known() ? PartyKind.ORGANISATION : member.kindAt(at);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
