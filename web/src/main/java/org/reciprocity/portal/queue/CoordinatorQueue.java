package org.reciprocity.portal.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reciprocity.portal.queue.QueueReads.LedgerQueue;
import org.reciprocity.portal.queue.QueueReads.MatchingQueue;
import org.reciprocity.portal.queue.QueueReads.Member;
import org.reciprocity.portal.queue.QueueReads.OpenContribution;
import org.reciprocity.portal.queue.QueueReads.Part;
import org.reciprocity.portal.words.Hours;
import org.springframework.context.MessageSource;

/**
 * The queue as the page shows it, from the two services' answers: for each kind its true count and
 * its items in the chosen order, each in one sentence with its next step. A service that did not
 * answer leaves its kinds out and says so ({@link #missing}).
 *
 * @param counts  how many there are of each kind (absent: the service did not answer)
 * @param shown   the items of each kind shown (all kinds, or the one the filter names), in order
 * @param missing which services did not answer ("ledger", "matching")
 */
public record CoordinatorQueue(Map<Kind, Long> counts, Map<Kind, List<QueueItem>> shown, List<String> missing) {

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One kind as the page shows it: its true count and the items shown. */
    public record Section(Kind kind, long count, List<QueueItem> items) {
        public boolean more() {
            return count > items.size();
        }
    }

    /** The kinds shown, in the page's order. */
    public List<Section> sections() {
        return shown.entrySet().stream()
                .map(e -> new Section(e.getKey(), counts.getOrDefault(e.getKey(), 0L), e.getValue())).toList();
    }

    /** How many there are of a kind; null when the service that knows did not answer. */
    public Long count(Kind kind) {
        return counts.get(kind);
    }

    static CoordinatorQueue of(MatchingQueue matching, LedgerQueue ledger, Optional<Kind> only, boolean newestFirst,
                               MessageSource messages, Locale locale) {
        Sentences say = new Sentences(messages, locale);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        Map<Kind, List<QueueItem>> items = new EnumMap<>(Kind.class);
        List<String> missing = new ArrayList<>();
        if (ledger != null) {
            put(counts, items, Kind.DISPUTE, ledger.disputes(), c -> new QueueItem(Kind.DISPUTE, c.contributionId(),
                    say.text("queue.item.dispute", say.name(c.giverName()), say.name(c.receiverName()),
                            Hours.of(c.minutes())), c.loggedAt(), "/coordinator/contributions/" + c.contributionId(),
                    say.text("queue.action.dispute")));
            put(counts, items, Kind.WAITING, ledger.waitingPastReminder(), c -> new QueueItem(Kind.WAITING,
                    c.contributionId(), say.text("queue.item.waiting", say.name(waitingOnName(c)),
                            Hours.of(c.minutes()), say.name(otherName(c))), c.loggedAt(),
                    "/coordinator/contributions/" + c.contributionId(), say.text("queue.action.waiting")));
            put(counts, items, Kind.BALANCE, ledger.balancesNearLimit(), b -> new QueueItem(Kind.BALANCE, b.memberId(),
                    say.text(balanceKey(b.side()), say.name(b.name()), Hours.of(b.balanceMinutes()),
                            Hours.of(b.limitMinutes())), null,
                    member(b.memberId()), say.text("queue.action.member")));
        } else {
            missing.add("ledger");
        }
        if (matching != null) {
            put(counts, items, Kind.NEED, matching.needsWithoutMatch(), n -> new QueueItem(Kind.NEED, n.listingId(),
                    say.text("queue.item.need", say.name(n.ownerName()), n.title()), n.publishedAt(),
                    "/coordinator/listings/" + n.listingId() + "/suggestions", say.text("queue.action.need")));
            put(counts, items, Kind.PROPOSAL, matching.unansweredMatches(), p -> new QueueItem(Kind.PROPOSAL,
                    p.matchId(), say.text("queue.item.proposal", say.name(p.giverName()), say.name(p.receiverName()),
                            p.activity() == null ? "" : p.activity(), waitingFor(say, p)), p.proposedAt(),
                    "/coordinator/matches#match-" + p.matchId(), say.text("queue.action.proposal")));
            put(counts, items, Kind.NEW_MEMBER, matching.newWithoutProfile(), m -> new QueueItem(Kind.NEW_MEMBER,
                    m.memberId(), say.text("queue.item.newcomer", say.name(m.name())), m.registeredAt(),
                    member(m.memberId()), say.text("queue.action.newcomer")));
            put(counts, items, Kind.RECEIVED_ONLY, matching.receivedMuchGaveNothing(), m -> memberItem(Kind.RECEIVED_ONLY,
                    m, say.text("queue.item.receivedOnly", say.name(m.name()), Hours.of(m.received())), say));
            put(counts, items, Kind.GAVE_ONLY, matching.gaveMuchReceivedNothing(), m -> memberItem(Kind.GAVE_ONLY,
                    m, say.text("queue.item.gaveOnly", say.name(m.name()), Hours.of(m.given())), say));
        } else {
            missing.add("matching");
        }
        Map<Kind, List<QueueItem>> shown = new EnumMap<>(Kind.class);
        items.forEach((kind, list) -> {
            if (only.isEmpty() || only.get() == kind) {
                shown.put(kind, sorted(kind, list, newestFirst));
            }
        });
        return new CoordinatorQueue(counts, shown, missing);
    }

    /**
     * Oldest first (or newest first) by when each began to wait. Balances and members to watch
     * come from the services already ranked (nearest the limit, the most hours first): a time says
     * nothing of them, so the order only reverses.
     */
    private static List<QueueItem> sorted(Kind kind, List<QueueItem> list, boolean newestFirst) {
        List<QueueItem> result = new ArrayList<>(list);
        if (result.stream().allMatch(i -> i.when() != null)) {
            Comparator<QueueItem> byTime = Comparator.comparing(QueueItem::when).thenComparing(QueueItem::id);
            result.sort(newestFirst ? byTime.reversed() : byTime);
        } else if (newestFirst) {
            java.util.Collections.reverse(result);
        }
        return result;
    }

    private static <T> void put(Map<Kind, Long> counts, Map<Kind, List<QueueItem>> items, Kind kind, Part<T> part,
                                java.util.function.Function<T, QueueItem> item) {
        if (part == null) {
            counts.put(kind, 0L);
            items.put(kind, List.of());
            return;
        }
        counts.put(kind, part.count());
        items.put(kind, part.list().stream().map(item).toList());
    }

    private static QueueItem memberItem(Kind kind, Member m, String what, Sentences say) {
        return new QueueItem(kind, m.memberId(), what, null, member(m.memberId()), say.text("queue.action.member"));
    }

    private static String balanceKey(String side) {
        return "LOW".equals(side) ? "queue.item.balance.low" : "queue.item.balance.high";
    }

    private static String member(String memberId) {
        return "/coordinator/members/" + memberId;
    }

    private static String waitingOnName(OpenContribution c) {
        return c.receiverId().equals(c.waitingOnId()) ? c.receiverName() : c.giverName();
    }

    private static String otherName(OpenContribution c) {
        return c.receiverId().equals(c.waitingOnId()) ? c.giverName() : c.receiverName();
    }

    private static String waitingFor(Sentences say, QueueReads.Proposal p) {
        List<String> waiting = p.waitingOn() == null ? List.of() : p.waitingOn();
        if (waiting.size() != 1) {
            return say.text("queue.item.proposal.both");
        }
        return say.text("queue.item.proposal.one",
                say.name(waiting.get(0).equals(p.giverId()) ? p.giverName() : p.receiverName()));
    }

    /** The page's words; a member the services could not name is "a member", never an id. */
    private record Sentences(MessageSource messages, Locale locale) {
        String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String name(String name) {
            return name == null || name.isBlank() ? text("queue.someone") : name;
        }
    }

}
