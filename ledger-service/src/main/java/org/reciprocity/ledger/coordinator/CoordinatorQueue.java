package org.reciprocity.ledger.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.reciprocity.ledger.book.AccountKind;
import org.reciprocity.ledger.book.BookStore;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.book.ContributionState;
import org.reciprocity.ledger.book.Policy;
import org.reciprocity.kit.web.ApiException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The ledger's part of a coordinator's queue: disputes, contributions still unconfirmed after a
 * reminder went out, and members whose balance is within the policy's warning margin of a limit.
 * Each kind comes with its true count and at most {@code limit} items, oldest first (balances:
 * nearest the limit first), with the members' names as every member sees them, read in one query.
 * Three reads in all, each asking the store for only the documents it needs: the embedded store
 * scans a collection whatever the query, so what matters is what comes back over the wire.
 */
@Service
class CoordinatorQueue {

    static final int MOST = 200;

    private final MongoTemplate mongo;
    private final BookStore store;

    CoordinatorQueue(MongoTemplate mongo, BookStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** A contribution waiting for someone: {@code waitingOnId} is who is asked to confirm it (none for a dispute). */
    record OpenItem(String contributionId, String giverId, String giverName, String receiverId, String receiverName,
                    long minutes, Instant loggedAt, Instant deadline, int remindersSent, String waitingOnId) {
    }

    /**
     * {@code side} LOW when near the minimum, HIGH when near the maximum. {@code erased} (issue 18):
     * the member was erased, so there is no name to show ("a former member").
     */
    record BalanceItem(String memberId, String name, long balanceMinutes, long limitMinutes, String side,
                       boolean erased) {
        BalanceItem(String memberId, String name, long balanceMinutes, long limitMinutes, String side) {
            this(memberId, name, balanceMinutes, limitMinutes, side, false);
        }
    }

    /** One kind of item: how many there are in all, and the first of them. */
    record Part<T>(long count, List<T> items) {
    }

    record Queue(Part<OpenItem> disputes, Part<OpenItem> waitingPastReminder, Part<BalanceItem> balancesNearLimit,
                 long warningMarginMinutes) {
    }

    Queue of(String timebankId, int limit) {
        return of(timebankId, limit, false);
    }

    /** With {@code newest}, disputes and reminded contributions come newest first, chosen before the cut. */
    Queue of(String timebankId, int limit, boolean newest) {
        Policy policy = store.policy(timebankId).orElseThrow(() -> ApiException.notFound("timebank", timebankId));
        int most = Math.max(1, Math.min(MOST, limit));
        List<Contribution> disputed = new ArrayList<>();
        List<Contribution> reminded = new ArrayList<>();
        for (Contribution c : open(timebankId)) {
            if (c.state() == ContributionState.DISPUTED) {
                disputed.add(c);
            } else if (c.remindersSent() > 0) {
                reminded.add(c);
            }
        }
        Comparator<Contribution> oldestFirst = Comparator.comparing(Contribution::loggedAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Contribution::id);
        disputed.sort(newest ? oldestFirst.reversed() : oldestFirst);
        reminded.sort(newest ? oldestFirst.reversed() : oldestFirst);
        List<BalanceItem> balances = nearLimit(timebankId, policy);
        List<Contribution> shownDisputes = disputed.subList(0, Math.min(most, disputed.size()));
        List<Contribution> shownReminded = reminded.subList(0, Math.min(most, reminded.size()));
        List<BalanceItem> shownBalances = balances.subList(0, Math.min(most, balances.size()));

        Set<String> ids = new HashSet<>();
        shownDisputes.forEach(c -> ids.addAll(List.of(c.giverId(), c.receiverId())));
        shownReminded.forEach(c -> ids.addAll(List.of(c.giverId(), c.receiverId())));
        shownBalances.forEach(b -> ids.add(b.memberId()));
        Set<String> erased = new HashSet<>();
        Map<String, String> names = names(timebankId, ids, erased);

        return new Queue(
                new Part<>(disputed.size(), shownDisputes.stream().map(c -> item(c, names, null)).toList()),
                new Part<>(reminded.size(), shownReminded.stream().map(c -> item(c, names, c.counterpart())).toList()),
                new Part<>(balances.size(), shownBalances.stream()
                        .map(b -> new BalanceItem(b.memberId(), names.get(b.memberId()), b.balanceMinutes(),
                                b.limitMinutes(), b.side(), erased.contains(b.memberId()))).toList()),
                policy.warningMargin().value());
    }

    /**
     * The timebank's disputed contributions and its logged ones already reminded, read whole as the
     * store wrote them; the store leaves out those logged and not yet reminded (most open ones).
     */
    private List<Contribution> open(String timebankId) {
        Query query = Query.query(Criteria.where("contribution.timebankId").is(timebankId).orOperator(
                Criteria.where("state").is(ContributionState.DISPUTED.name()),
                Criteria.where("state").is(ContributionState.LOGGED.name()).and("contribution.remindersSent").gt(0)));
        query.fields().include("contribution");
        List<Contribution> found = new ArrayList<>();
        for (Document doc : mongo.find(query, Document.class, "contributions")) {
            Document stored = doc.get("contribution", Document.class);
            Contribution c = stored == null ? null : mongo.getConverter().read(Contribution.class, stored);
            if (c != null && c.id() != null) {
                found.add(c);
            }
        }
        return found;
    }

    /**
     * Members' accounts whose posted balance is within the warning margin of the minimum or the
     * maximum, nearest the limit first. The store filters, so only those accounts come back.
     */
    private List<BalanceItem> nearLimit(String timebankId, Policy policy) {
        long margin = policy.warningMargin().value();
        long low = policy.minimum(AccountKind.MEMBER).value();
        long high = policy.maximum(AccountKind.MEMBER).value();
        Query query = Query.query(Criteria.where("timebankId").is(timebankId).and("kind").is(AccountKind.MEMBER.name())
                .orOperator(Criteria.where("balance").lte(low + margin), Criteria.where("balance").gte(high - margin)));
        query.fields().include("balance");
        List<BalanceItem> found = new ArrayList<>();
        for (Document account : mongo.find(query, Document.class, "accounts")) {
            long balance = ((Number) account.get("balance")).longValue();
            boolean lowSide = balance - low <= high - balance;
            found.add(new BalanceItem(account.getString("_id"), null, balance, lowSide ? low : high,
                    lowSide ? "LOW" : "HIGH"));
        }
        found.sort(Comparator.comparingLong((BalanceItem b) -> Math.abs(b.limitMinutes() - b.balanceMinutes()))
                .thenComparing(BalanceItem::memberId));
        return found;
    }

    /**
     * The names as every member of the timebank sees them (a member's display name, an
     * organisation's name), one query a collection. The query names only {@code _id}, so the
     * embedded store answers it from its id index instead of scanning; the timebank is checked here.
     */
    private Map<String, String> names(String timebankId, Set<String> ids, Set<String> erased) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (String collection : List.of("members", "organisations")) {
            Query query = Query.query(Criteria.where("_id").in(ids));
            query.fields().include("timebankId").include("displayName").include("name").include("status");
            for (Document found : mongo.find(query, Document.class, collection)) {
                if ("ERASED".equals(found.getString("status")) && timebankId.equals(found.getString("timebankId"))) {
                    erased.add(found.getString("_id"));
                }
                String name = found.getString("members".equals(collection) ? "displayName" : "name");
                if (timebankId.equals(found.getString("timebankId")) && name != null) {
                    names.put(found.getString("_id"), name);
                }
            }
        }
        return names;
    }

    private static OpenItem item(Contribution c, Map<String, String> names, String waitingOn) {
        return new OpenItem(c.id(), c.giverId(), names.get(c.giverId()), c.receiverId(), names.get(c.receiverId()),
                c.minutes(), c.loggedAt(), c.deadline(), c.remindersSent(), waitingOn);
    }
}
