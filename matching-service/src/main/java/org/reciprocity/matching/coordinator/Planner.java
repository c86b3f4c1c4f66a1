package org.reciprocity.matching.coordinator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The batch planner: from open needs, open offers and the pairs the hard rules allow (each with
 * its score), the set of matches with the highest total score such that each listing is used at
 * most once and no member goes over their remaining capacity. Solved exactly as a minimum-cost
 * flow (JGraphT's capacity-scaling algorithm):
 *
 * <pre>
 * source ─cap g(m)─▶ giver m ─1─▶ offer ─1, cost 100−score─▶ need ─1─▶ receiver m' ─cap r(m')─▶ sink
 * source ───────────────── bypass, cost 100 ────────────────────────────────────────────────▶ sink
 * </pre>
 *
 * Every unit of flow costs 100 through the bypass and 100 − score through a pair, so the
 * cheapest flow is the heaviest set of pairs. A member's remaining capacity is one number across
 * both roles, which a flow cannot express exactly when the member both gives and receives in the
 * same plan; {@link #split} divides it between the roles beforehand (giving gets the larger half),
 * and the plan is optimal under that split.
 */
public final class Planner {

    static final int MAX_SCORE = 100;

    /** A listing in the plan and its owner. */
    public record Side(String listingId, String memberId) {
    }

    /** A pair the hard rules allow, with its score (1..100). */
    public record Pair(String needListingId, String offerListingId, int score) {
    }

    public record Plan(List<Pair> pairs, long total) {
    }

    /** How many matches a member may take in each role in this plan. */
    public record Capacities(Map<String, Integer> giving, Map<String, Integer> receiving) {
    }

    private Planner() {
    }

    public static Plan plan(List<Side> needs, List<Side> offers, List<Pair> allowed, Map<String, Integer> remaining) {
        Map<String, String> needOwner = owners(needs);
        Map<String, String> offerOwner = owners(offers);
        List<Pair> pairs = allowed.stream().filter(p -> p.score() > 0 && needOwner.containsKey(p.needListingId())
                && offerOwner.containsKey(p.offerListingId())).toList();
        if (pairs.isEmpty()) {
            return new Plan(List.of(), 0);
        }
        Capacities caps = split(needs, offers, remaining);
        Graph<String, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Pair> pairOf = new HashMap<>();
        graph.addVertex("S");
        graph.addVertex("T");
        for (Pair pair : pairs) {
            String giver = "g:" + offerOwner.get(pair.offerListingId());
            String offer = "o:" + pair.offerListingId();
            String need = "n:" + pair.needListingId();
            String receiver = "r:" + needOwner.get(pair.needListingId());
            arc(graph, capacity, "S", giver, caps.giving().getOrDefault(giver.substring(2), 0), 0);
            arc(graph, capacity, giver, offer, 1, 0);
            pairOf.put(arc(graph, capacity, offer, need, 1, MAX_SCORE - pair.score()), pair);
            arc(graph, capacity, need, receiver, 1, 0);
            arc(graph, capacity, receiver, "T", caps.receiving().getOrDefault(receiver.substring(2), 0), 0);
        }
        int units = Math.min(offerOwner.size(), needOwner.size());
        arc(graph, capacity, "S", "T", units, MAX_SCORE);
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                        v -> v.equals("S") ? units : v.equals("T") ? -units : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge>().getMinimumCostFlow(problem);
        List<Pair> chosen = new ArrayList<>();
        flow.getFlowMap().forEach((edge, amount) -> {
            Pair pair = pairOf.get(edge);
            if (pair != null && amount > 0.5) {
                chosen.add(pair);
            }
        });
        chosen.sort(BEST_FIRST);
        return new Plan(chosen, total(chosen));
    }

    /** The baseline: take the best remaining pair while it fits, until none does. */
    public static Plan greedy(List<Side> needs, List<Side> offers, List<Pair> allowed, Map<String, Integer> remaining) {
        Map<String, String> needOwner = owners(needs);
        Map<String, String> offerOwner = owners(offers);
        Capacities caps = split(needs, offers, remaining);
        Map<String, Integer> giving = new HashMap<>(caps.giving());
        Map<String, Integer> receiving = new HashMap<>(caps.receiving());
        Set<String> used = new HashSet<>();
        List<Pair> chosen = new ArrayList<>();
        for (Pair pair : allowed.stream().filter(p -> p.score() > 0 && needOwner.containsKey(p.needListingId())
                && offerOwner.containsKey(p.offerListingId())).sorted(BEST_FIRST).toList()) {
            String giver = offerOwner.get(pair.offerListingId());
            String receiver = needOwner.get(pair.needListingId());
            if (used.contains(pair.needListingId()) || used.contains(pair.offerListingId())
                    || giving.getOrDefault(giver, 0) <= 0 || receiving.getOrDefault(receiver, 0) <= 0) {
                continue;
            }
            used.add(pair.needListingId());
            used.add(pair.offerListingId());
            giving.merge(giver, -1, Integer::sum);
            receiving.merge(receiver, -1, Integer::sum);
            chosen.add(pair);
        }
        return new Plan(chosen, total(chosen));
    }

    /**
     * Divides each member's remaining capacity between giving and receiving: all of it to the one
     * role they have in this plan, or, when they have both, the larger half to giving.
     */
    public static Capacities split(List<Side> needs, List<Side> offers, Map<String, Integer> remaining) {
        Set<String> givers = new HashSet<>();
        offers.forEach(o -> givers.add(o.memberId()));
        Set<String> receivers = new HashSet<>();
        needs.forEach(n -> receivers.add(n.memberId()));
        Map<String, Integer> giving = new HashMap<>();
        Map<String, Integer> receiving = new HashMap<>();
        for (String member : givers) {
            int r = Math.max(0, remaining.getOrDefault(member, 0));
            giving.put(member, receivers.contains(member) ? (r + 1) / 2 : r);
        }
        for (String member : receivers) {
            int r = Math.max(0, remaining.getOrDefault(member, 0));
            receiving.put(member, givers.contains(member) ? r / 2 : r);
        }
        return new Capacities(giving, receiving);
    }

    static final Comparator<Pair> BEST_FIRST = Comparator.comparingInt(Pair::score).reversed()
            .thenComparing(Pair::needListingId).thenComparing(Pair::offerListingId);

    private static long total(List<Pair> pairs) {
        return pairs.stream().mapToLong(Pair::score).sum();
    }

    private static Map<String, String> owners(List<Side> sides) {
        Map<String, String> owners = new HashMap<>();
        sides.forEach(s -> owners.put(s.listingId(), s.memberId()));
        return owners;
    }

    private static DefaultWeightedEdge arc(Graph<String, DefaultWeightedEdge> graph,
                                           Map<DefaultWeightedEdge, Integer> capacity, String from, String to,
                                           int cap, double cost) {
        graph.addVertex(from);
        graph.addVertex(to);
        DefaultWeightedEdge existing = graph.getEdge(from, to);
        if (existing != null) {
            return existing;
        }
        DefaultWeightedEdge edge = graph.addEdge(from, to);
        graph.setEdgeWeight(edge, cost);
        capacity.put(edge, cap);
        return edge;
    }
}
