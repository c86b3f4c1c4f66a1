package org.reciprocity.matching.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.suggestion.NotSuggested;
import org.reciprocity.matching.suggestion.Ranking;
import org.reciprocity.matching.suggestion.Suggestions.Suggestion;

/**
 * Not a test: what matching computes for the coordinator's suggestions page (issue 16), on a generated
 * timebank of 10,000 members and 20,000 open listings: the top 10 worded for a coordinator, then who is
 * not suggested and why (at most 20), for random needs and offers; latency percentiles of the two together.
 * Run: {@code scripts/bench-matching-service.sh} builds the classpath; then
 * {@code java -cp "$CP" org.reciprocity.matching.bench.CoordinatorViewBenchmark [members] [listings] [queries]}.
 */
public final class CoordinatorViewBenchmark {

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int listings = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Random random = new Random(16);
        List<Profile> people = MatchingBenchmark.members(random, members);
        Map<String, Profile> profiles = people.stream().collect(Collectors.toMap(Profile::memberId, Function.identity()));
        List<Listing> all = MatchingBenchmark.listings(random, people, listings);
        Board board = Board.of(all);
        Map<String, Long> open = new HashMap<>();
        profiles.keySet().forEach(id -> open.put(id, (long) (random.nextInt(10) == 0 ? random.nextInt(4) : 0)));
        Ranking.Context context = new Ranking.Context(board, profiles::get, profiles::values,
                id -> open.getOrDefault(id, 0L), 3, MatchingBenchmark.NOW);
        for (int i = 0; i < 300; i++) {
            once(context, all.get(random.nextInt(all.size())), profiles);
        }
        long[] nanos = new long[queries];
        long[] rankOnly = new long[queries];
        long left = 0;
        for (int i = 0; i < queries; i++) {
            Listing l = all.get(random.nextInt(all.size()));
            long start = System.nanoTime();
            Ranking.rank(context, l, profiles.get(l.ownerId()), 10, Audience.EVERYTHING, Locale.ENGLISH);
            rankOnly[i] = System.nanoTime() - start;
            start = System.nanoTime();
            left += once(context, l, profiles);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Arrays.sort(rankOnly);
        System.out.printf("suggestions alone (top 10, the members' own page): p50 %.2f ms, p95 %.2f ms%n",
                rankOnly[queries / 2] / 1e6, rankOnly[queries * 95 / 100] / 1e6);
        System.out.printf("coordinator view (top 10 + not suggested, at most 20) on %,d members and %,d listings, "
                        + "%,d random listings: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %.1f not suggested each%n",
                members, board.size(), queries, nanos[queries / 2] / 1e6, nanos[queries * 95 / 100] / 1e6,
                nanos[queries * 99 / 100] / 1e6, nanos[queries - 1] / 1e6, (double) left / queries);
    }

    private static int once(Ranking.Context context, Listing listing, Map<String, Profile> profiles) {
        Profile owner = profiles.get(listing.ownerId());
        List<Suggestion> shown = Ranking.rank(context, listing, owner, 10, Audience.EVERYTHING, Locale.ENGLISH);
        Set<String> ids = shown.stream().map(Suggestion::memberId).collect(Collectors.toSet());
        return NotSuggested.of(context, listing, owner, ids, 20, Locale.ENGLISH).candidates().size();
    }
}
