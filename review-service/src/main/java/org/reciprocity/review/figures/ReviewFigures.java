package org.reciprocity.review.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.ContributionFact;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.MemberFact;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.PostingFact;
import org.reciprocity.review.facts.ReviewFacts;
import org.reciprocity.review.facts.TransferMonthFact;

/**
 * The review's figures, read from the projections: a period's ledger entries are one {@code _id}
 * range, joined by {@code _id} with the members' kinds, the contributions' kinds and the accounts'
 * balances. Joining when read is what keeps figures exact whatever order the topics were read in:
 * a kind or a contribution that arrives late is simply there at the next read.
 */
public final class ReviewFigures {

    private static final List<CoproductionKind> INDICATORS = List.of(CoproductionKind.values()).stream()
            .filter(k -> k.level() != CoproductionKind.Level.EVERYDAY).toList();

    private final ReviewFacts facts;
    private final Thresholds thresholds;

    public ReviewFigures(ReviewFacts facts, Thresholds thresholds) {
        this.facts = facts;
        this.thresholds = thresholds;
    }

    // ---- the reciprocity review

    public ReviewPage review(String timebankId, ReviewQuery query, Instant now) {
        List<PostingFact> postings = postings(timebankId, query.period());
        Map<String, MemberFact> members = members(timebankId);
        List<Flow> flows = flows(timebankId, postings, members);
        Map<String, long[]> hours = new HashMap<>();
        Map<String, Set<String>> organisations = new HashMap<>();
        for (Flow flow : flows) {
            hours.computeIfAbsent(flow.giver(), a -> new long[2])[0] += flow.minutes();
            hours.computeIfAbsent(flow.receiver(), a -> new long[2])[1] += flow.minutes();
            if (flow.receiverKind() == PartyKind.ORGANISATION) {
                organisations.computeIfAbsent(flow.giver(), a -> new HashSet<>()).add(flow.receiver());
            }
            if (flow.giverKind() == PartyKind.ORGANISATION) {
                organisations.computeIfAbsent(flow.receiver(), a -> new HashSet<>()).add(flow.giver());
            }
        }
        Map<String, Instant> lastActivity = new HashMap<>();
        for (PostingFact posting : postings) {
            lastActivity.merge(posting.debitAccountId(), posting.at(), ReviewFigures::later);
            lastActivity.merge(posting.creditAccountId(), posting.at(), ReviewFigures::later);
        }
        Map<String, AccountFact> accounts = facts.accounts().withPrefix(Keys.timebank(timebankId)).stream()
                .collect(Collectors.toMap(AccountFact::accountId, Function.identity()));
        Map<String, List<ContributionFact>> waiting = new HashMap<>();
        for (ContributionFact contribution : facts.contributions().withPrefix(Keys.timebank(timebankId))) {
            if (contribution.waiting()) {
                waiting.computeIfAbsent(contribution.logged().giverAccountId(), a -> new ArrayList<>()).add(contribution);
                if (!contribution.logged().receiverAccountId().equals(contribution.logged().giverAccountId())) {
                    waiting.computeIfAbsent(contribution.logged().receiverAccountId(), a -> new ArrayList<>())
                            .add(contribution);
                }
            }
        }
        List<ReviewRow> rows = new ArrayList<>();
        for (MemberFact member : members.values()) {
            if (!member.known() || (query.kind() != null && member.kind() != query.kind())) {
                continue;
            }
            if (query.organisationId() != null && !organisations.getOrDefault(member.memberId(), Set.of())
                    .contains(query.organisationId())) {
                continue;
            }
            rows.add(row(member, hours.getOrDefault(member.memberId(), new long[2]), accounts.get(member.memberId()),
                    lastActivity.get(member.memberId()), waiting.getOrDefault(member.memberId(), List.of()), now));
        }
        rows.sort(order(query.sort(), query.descending()));
        int from = Math.min(rows.size(), query.page() * query.size());
        int to = Math.min(rows.size(), from + query.size());
        long given = rows.stream().mapToLong(ReviewRow::givenMinutes).sum();
        long received = rows.stream().mapToLong(ReviewRow::receivedMinutes).sum();
        int flagged = (int) rows.stream().filter(r -> !r.flags().isEmpty()).count();
        return new ReviewPage(query.period(), rows.subList(from, to), query.page(), query.size(), rows.size(), flagged,
                given, received);
    }

    private ReviewRow row(MemberFact member, long[] hours, AccountFact account, Instant lastActivity,
                          List<ContributionFact> waiting, Instant now) {
        long given = hours[0];
        long received = hours[1];
        Instant waitingSince = waiting.stream().map(c -> c.logged().loggedAt()).min(Comparator.naturalOrder())
                .orElse(null);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (received >= thresholds.muchMinutes() && given <= 0) {
            flags.add(Flag.RECEIVED_MUCH_NEVER_GAVE);
        }
        if (given >= thresholds.muchMinutes() && received <= 0) {
            flags.add(Flag.GAVE_MUCH_NEVER_RECEIVED);
        }
        if (waitingSince != null && waitingSince.plus(thresholds.longWait()).isBefore(now)) {
            flags.add(Flag.LONG_WAIT_FOR_VALIDATION);
        }
        if (account != null && account.nearLimit()) {
            flags.add(Flag.NEAR_LIMIT);
        }
        return new ReviewRow(member.memberId(), member.name(), member.kind(), member.suspended(), given, received,
                account == null ? 0 : account.balance(), Ratios.percent(given, given + received), lastActivity,
                waiting.size(), waitingSince, flags);
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
        List<Flow> flows = flows(timebankId, postings(timebankId, period), members(timebankId));
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
        Map<String, MemberFact> members = members(timebankId);
        List<Flow> flows = flows(timebankId, postings(timebankId, period), members);
        Map<String, ContributionFact> contributions = contributions(timebankId, flows);
        List<Indicator> indicators = new ArrayList<>();
        for (CoproductionKind kind : INDICATORS) {
            List<Flow> ofKind = flows.stream().filter(f -> kind == kindOf(contributions.get(f.contributionId())))
                    .toList();
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
        List<Flow> flows = flows(timebankId, postings(timebankId, period), members(timebankId));
        Map<String, ContributionFact> contributions = contributions(timebankId, flows);
        Map<String, List<Flow>> byContribution = new LinkedHashMap<>();
        flows.stream().filter(f -> kind == kindOf(contributions.get(f.contributionId())))
                .sorted(Comparator.comparing(Flow::at).thenComparing(Flow::contributionId))
                .forEach(f -> byContribution.computeIfAbsent(f.contributionId(), c -> new ArrayList<>()).add(f));
        List<BehindFigure> lines = new ArrayList<>();
        byContribution.forEach((id, contributionFlows) -> {
            Flow first = contributionFlows.get(0);
            Flow last = contributionFlows.get(contributionFlows.size() - 1);
            ContributionFact.Logged logged = contributions.get(id).logged();
            lines.add(new BehindFigure(id, kind, logged.happenedOn(), LocalDate.ofInstant(last.at(), ZoneOffset.UTC),
                    total(contributionFlows), first.giverKind(), first.receiverKind(), logged.groupActivityId() != null));
        });
        lines.sort(Comparator.comparing(BehindFigure::postedOn).thenComparing(BehindFigure::contributionId));
        return lines;
    }

    private static CoproductionKind kindOf(ContributionFact contribution) {
        return contribution == null || contribution.logged() == null ? null : contribution.logged().kind();
    }

    // ---- reading the projections

    private List<PostingFact> postings(String timebankId, Period period) {
        return facts.postings().range(Keys.month(timebankId, period.from()),
                Keys.month(timebankId, period.to()) + Keys.END);
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
    private List<Flow> flows(String timebankId, List<PostingFact> postings, Map<String, MemberFact> members) {
        Map<String, PostingFact> reversed = reversed(timebankId, postings);
        List<Flow> flows = new ArrayList<>();
        for (PostingFact posting : postings) {
            PostingFact original = posting.reason() == TransferReason.CONTRIBUTION ? posting
                    : posting.reason() == TransferReason.REVERSAL && posting.reversesTransferId() != null
                    ? reversed.get(posting.reversesTransferId()) : null;
            if (original == null || original.reason() != TransferReason.CONTRIBUTION || original.contributionId() == null) {
                continue;
            }
            long sign = original == posting ? 1 : -1;
            String giver = original.creditAccountId();
            String receiver = original.debitAccountId();
            flows.add(new Flow(posting.month(), posting.at(), giver, receiver, kindAt(members, giver, original.at()),
                    kindAt(members, receiver, original.at()), sign * posting.minutes(), original.contributionId()));
        }
        return flows;
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
