package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.reciprocity.matching.coordinator.Planner.Capacities;
import org.reciprocity.matching.coordinator.Planner.Pair;
import org.reciprocity.matching.coordinator.Planner.Plan;
import org.reciprocity.matching.coordinator.Planner.Side;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The planner on random small timebanks: it only ever uses allowed pairs, never uses a listing
 * twice, never puts a member over their capacity, and its total equals the brute-force optimum.
 */
class PlannerPropertiesTest {

    @Property(tries = 300)
    void neverUsesAPairTheRulesForbidNorAListingTwiceNorAMemberOverCapacity(@ForAll("seeds") long seed) {
        Instance instance = Instance.random(new Random(seed), 6, 6);

        Plan plan = Planner.plan(instance.needs, instance.offers, instance.allowed, instance.remaining);

        assertThat(instance.allowed).containsAll(plan.pairs());
        Set<String> used = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (Pair pair : plan.pairs()) {
            assertThat(used.add(pair.needListingId())).as("need used once").isTrue();
            assertThat(used.add(pair.offerListingId())).as("offer used once").isTrue();
            load.merge(instance.owner.get(pair.needListingId()), 1, Integer::sum);
            load.merge(instance.owner.get(pair.offerListingId()), 1, Integer::sum);
        }
        load.forEach((member, matches) -> assertThat(matches).as("open matches added for %s", member)
                .isLessThanOrEqualTo(instance.remaining.getOrDefault(member, 0)));
        assertThat(plan.total()).isEqualTo(plan.pairs().stream().mapToLong(Pair::score).sum());
    }

    @Property(tries = 300)
    void findsTheSameTotalAsBruteForce(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 5) int needs,
                                       @ForAll @IntRange(min = 1, max = 5) int offers) {
        Instance instance = Instance.random(new Random(seed), needs, offers);

        Plan plan = Planner.plan(instance.needs, instance.offers, instance.allowed, instance.remaining);

        assertThat(plan.total()).isEqualTo(bruteForce(instance));
    }

    @Property(tries = 200)
    void isNeverWorseThanGreedy(@ForAll("seeds") long seed) {
        Instance instance = Instance.random(new Random(seed), 8, 8);

        assertThat(Planner.plan(instance.needs, instance.offers, instance.allowed, instance.remaining).total())
                .isGreaterThanOrEqualTo(Planner.greedy(instance.needs, instance.offers, instance.allowed,
                        instance.remaining).total());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    /** Every subset of allowed pairs that respects the same constraints; the best total. */
    private static long bruteForce(Instance instance) {
        Capacities caps = Planner.split(instance.needs, instance.offers, instance.remaining);
        return best(instance, caps, 0, new HashSet<>(), new HashMap<>(caps.giving()), new HashMap<>(caps.receiving()));
    }

    private static long best(Instance instance, Capacities caps, int index, Set<String> used,
                             Map<String, Integer> giving, Map<String, Integer> receiving) {
        if (index == instance.allowed.size()) {
            return 0;
        }
        Pair pair = instance.allowed.get(index);
        long without = best(instance, caps, index + 1, used, giving, receiving);
        String giver = instance.owner.get(pair.offerListingId());
        String receiver = instance.owner.get(pair.needListingId());
        if (pair.score() <= 0 || used.contains(pair.needListingId()) || used.contains(pair.offerListingId())
                || giving.getOrDefault(giver, 0) <= 0 || receiving.getOrDefault(receiver, 0) <= 0) {
            return without;
        }
        used.add(pair.needListingId());
        used.add(pair.offerListingId());
        giving.merge(giver, -1, Integer::sum);
        receiving.merge(receiver, -1, Integer::sum);
        long with = pair.score() + best(instance, caps, index + 1, used, giving, receiving);
        used.remove(pair.needListingId());
        used.remove(pair.offerListingId());
        giving.merge(giver, 1, Integer::sum);
        receiving.merge(receiver, 1, Integer::sum);
        return Math.max(with, without);
    }

    /** A random timebank: four members owning needs and offers, some pairs forbidden, capacities 0..3. */
    record Instance(List<Side> needs, List<Side> offers, List<Pair> allowed, Map<String, Integer> remaining,
                    Map<String, String> owner) {

        static Instance random(Random random, int needCount, int offerCount) {
            List<String> members = List.of("ann", "bo", "cy", "di");
            Map<String, String> owner = new HashMap<>();
            List<Side> needs = new ArrayList<>();
            List<Side> offers = new ArrayList<>();
            for (int i = 0; i < needCount; i++) {
                String member = members.get(random.nextInt(members.size()));
                needs.add(new Side("n" + i, member));
                owner.put("n" + i, member);
            }
            for (int i = 0; i < offerCount; i++) {
                String member = members.get(random.nextInt(members.size()));
                offers.add(new Side("o" + i, member));
                owner.put("o" + i, member);
            }
            List<Pair> allowed = new ArrayList<>();
            for (Side need : needs) {
                for (Side offer : offers) {
                    // the hard rules forbid self-matches and, at random, a fifth of the other pairs
                    if (!need.memberId().equals(offer.memberId()) && random.nextInt(5) > 0) {
                        allowed.add(new Pair(need.listingId(), offer.listingId(), 1 + random.nextInt(100)));
                    }
                }
            }
            Map<String, Integer> remaining = new HashMap<>();
            members.forEach(m -> remaining.put(m, random.nextInt(4)));
            return new Instance(needs, offers, allowed, remaining, owner);
        }
    }
}
