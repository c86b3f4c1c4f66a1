package org.reciprocity.matching.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.reciprocity.matching.coordinator.Planner.Pair;
import org.reciprocity.matching.coordinator.Planner.Side;
import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.suggestion.HardRules;
import org.reciprocity.matching.suggestion.Scoring;

/**
 * Turns the board into the planner's input: the open needs and offers of available members and
 * the pairs the hard rules allow, each scored. To keep the graph small, each need keeps only its
 * {@code perNeed} best offers (candidates come from the board's category and tag buckets).
 */
public final class PlanBuilder {

    /** The planner's input, and what it needs to explain and send the result. */
    public record Input(List<Side> needs, List<Side> offers, List<Pair> allowed, Map<String, Integer> remaining,
                        Map<String, Listing> listings) {
    }

    private PlanBuilder() {
    }

    public static Input build(String timebankId, Board board, Function<String, Profile> profiles,
                              ToLongFunction<String> openMatches, int cap, int perNeed, int maxNeeds, Instant now) {
        return build(timebankId, board, profiles, openMatches, cap, perNeed, maxNeeds, now, java.util.Set.of());
    }

    /**
     * As above, leaving out the needs in {@code alreadyMatched}: a need with a match proposed or agreed is
     * being seen to, and planning it again would ask two people a question they are answering already.
     */
    public static Input build(String timebankId, Board board, Function<String, Profile> profiles,
                              ToLongFunction<String> openMatches, int cap, int perNeed, int maxNeeds, Instant now,
                              java.util.Set<String> alreadyMatched) {
        List<Listing> needs = board.inTimebank(timebankId, Listing.Kind.NEED).filter(l -> l.isOpen(now))
                .filter(l -> !alreadyMatched.contains(l.id()))
                .filter(l -> available(profiles.apply(l.ownerId())))
                .sorted(Comparator.comparing(Listing::publishedAt).thenComparing(Listing::id)).limit(maxNeeds).toList();
        Map<String, Listing> listings = new HashMap<>();
        Map<String, Side> offers = new HashMap<>();
        Map<String, Integer> remaining = new HashMap<>();
        List<Pair> allowed = new ArrayList<>();
        for (Listing need : needs) {
            listings.put(need.id(), need);
            Profile receiver = profiles.apply(need.ownerId());
            long receiverOpen = openMatches.applyAsLong(receiver.memberId());
            remaining.put(receiver.memberId(), (int) Math.max(0, cap - receiverOpen));
            List<Pair> forNeed = new ArrayList<>();
            for (Listing offer : board.sharing(timebankId, Listing.Kind.OFFER, need.category(), need.tags())) {
                Profile giver = profiles.apply(offer.ownerId());
                if (giver == null) {
                    continue;
                }
                long giverOpen = openMatches.applyAsLong(giver.memberId());
                if (HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, cap, now).isPresent()) {
                    continue;
                }
                int score = Scoring.score(need, receiver, offer, giver, giverOpen).total();
                if (score > 0) {
                    forNeed.add(new Pair(need.id(), offer.id(), score));
                    listings.put(offer.id(), offer);
                    offers.putIfAbsent(offer.id(), new Side(offer.id(), giver.memberId()));
                    remaining.put(giver.memberId(), (int) Math.max(0, cap - giverOpen));
                }
            }
            forNeed.sort(Planner.BEST_FIRST);
            allowed.addAll(forNeed.subList(0, Math.min(perNeed, forNeed.size())));
        }
        List<Side> needSides = needs.stream().map(n -> new Side(n.id(), n.ownerId())).toList();
        return new Input(needSides, new ArrayList<>(offers.values()), allowed, remaining, listings);
    }

    private static boolean available(Profile profile) {
        return profile != null && profile.isAvailable();
    }
}
