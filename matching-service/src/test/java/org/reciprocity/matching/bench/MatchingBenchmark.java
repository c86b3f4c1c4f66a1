package org.reciprocity.matching.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.matching.coordinator.PlanBuilder;
import org.reciprocity.matching.coordinator.Planner;
import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.ListingContent;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.suggestion.Ranking;
import org.reciprocity.matching.vocabulary.Districts;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;
import org.reciprocity.matching.vocabulary.Taxonomy;

/**
 * Not a test: a generated timebank of 20,000 members and 100,000 open listings, then
 * (1) suggestions for random listings, reporting latency percentiles, and (2) the planner on
 * 2,000 needs by 2,000 offers, timed, with its total next to a greedy baseline's.
 * Run with {@code scripts/bench-matching-service.sh}.
 */
public final class MatchingBenchmark {

    static final String TB = "bench";
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    public static void main(String[] args) {
        int members = intArg(args, 0, 20_000);
        int listings = intArg(args, 1, 100_000);
        int queries = intArg(args, 2, 2_000);
        int planSide = intArg(args, 3, 2_000);
        Random random = new Random(42);

        long t0 = System.nanoTime();
        Map<String, Profile> profiles = generateMembers(random, members);
        List<Listing> all = generateListings(random, profiles.values().stream()
                .sorted(java.util.Comparator.comparing(Profile::memberId)).toList(), listings);
        Board board = Board.of(all);
        Map<String, Long> open = new HashMap<>();
        profiles.keySet().forEach(id -> open.put(id, (long) (random.nextInt(10) == 0 ? random.nextInt(3) : 0)));
        System.out.printf("generated %,d members and %,d open listings in %d ms%n", members, board.size(),
                (System.nanoTime() - t0) / 1_000_000);

        Ranking.Context context = new Ranking.Context(board, profiles::get, profiles::values,
                id -> open.getOrDefault(id, 0L), 3, NOW);
        suggestions(context, all, profiles, queries, random);
        planner(all, profiles, open, planSide);
    }

    private static void suggestions(Ranking.Context context, List<Listing> all, Map<String, Profile> profiles,
                                    int queries, Random random) {
        for (int i = 0; i < 500; i++) { // warm-up: let the JIT compile the hot paths
            Listing l = all.get(random.nextInt(all.size()));
            Ranking.rank(context, l, profiles.get(l.ownerId()), 10, Audience.member(l.ownerId()));
        }
        long[] nanos = new long[queries];
        long results = 0;
        for (int i = 0; i < queries; i++) {
            Listing l = all.get(random.nextInt(all.size()));
            long start = System.nanoTime();
            results += Ranking.rank(context, l, profiles.get(l.ownerId()), 10, Audience.member(l.ownerId())).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("suggestions (top 10) for %,d random listings: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms, %.1f suggestions per listing%n", queries, ms(pct(nanos, 50)), ms(pct(nanos, 95)),
                ms(pct(nanos, 99)), ms(nanos[nanos.length - 1]), (double) results / queries);
    }

    private static void planner(List<Listing> all, Map<String, Profile> profiles, Map<String, Long> open, int side) {
        // A sub-board of the first `side` needs and `side` offers, as a coordinator's week would hold.
        List<Listing> needs = all.stream().filter(l -> l.kind() == Listing.Kind.NEED).limit(side).toList();
        List<Listing> offers = all.stream().filter(l -> l.kind() == Listing.Kind.OFFER).limit(side).toList();
        List<Listing> week = new ArrayList<>(needs);
        week.addAll(offers);
        Board board = Board.of(week);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            PlanBuilder.Input input = PlanBuilder.build(TB, board, profiles::get, id -> open.getOrDefault(id, 0L), 3, 25,
                    side, NOW);
            long built = System.nanoTime();
            Planner.Plan plan = Planner.plan(input.needs(), input.offers(), input.allowed(), input.remaining());
            long solved = System.nanoTime();
            Planner.Plan greedy = Planner.greedy(input.needs(), input.offers(), input.allowed(), input.remaining());
            long greedyDone = System.nanoTime();
            System.out.printf("planner run %d, %,d needs x %,d offers: %,d allowed pairs scored in %d ms, "
                            + "min-cost flow %d ms, total %d ms; %,d matches, total score %,d | greedy %,d matches, "
                            + "total score %,d (%d ms); planner/greedy = %.4f%n", run, needs.size(), offers.size(),
                    input.allowed().size(), (built - start) / 1_000_000, (solved - built) / 1_000_000,
                    (solved - start) / 1_000_000, plan.pairs().size(), plan.total(), greedy.pairs().size(),
                    greedy.total(), (greedyDone - solved) / 1_000_000, (double) plan.total() / greedy.total());
        }
    }

    static Map<String, Profile> generateMembers(Random random, int count) {
        List<String> districts = new ArrayList<>(Districts.codes()).subList(0, 18); // one city: Manchester
        List<String> languages = List.of("en", "en", "en", "ar", "pl", "ur", "so", "fr");
        Map<String, Profile> profiles = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String id = "m" + i;
            Set<String> skills = new HashSet<>();
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                skills.add(Taxonomy.CATEGORIES.get(random.nextInt(Taxonomy.CATEGORIES.size())));
            }
            Set<Slot> slots = new HashSet<>();
            for (int s = 0; s < 1 + random.nextInt(4); s++) {
                slots.add(new Slot(java.time.DayOfWeek.of(1 + random.nextInt(7)), Slot.Part.values()[random.nextInt(3)]));
            }
            profiles.put(id, new Profile(id, TB, MemberKind.values()[random.nextInt(4)], "Member " + i,
                    languages.get(random.nextInt(languages.size())), NOW, random.nextInt(200) == 0,
                    random.nextInt(50) == 0, random.nextInt(3) == 0, skills, Set.of(tag(random)),
                    Set.of(languages.get(random.nextInt(languages.size()))), slots,
                    districts.get(random.nextInt(districts.size())), Set.of(), Set.of(),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(3000), random.nextInt(3) == 0 ? 0 : random.nextInt(3000), Set.of()));
        }
        return profiles;
    }

    static List<Listing> generateListings(Random random, List<Profile> members, int count) {
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Profile owner = members.get(random.nextInt(members.size()));
            Listing.Kind kind = random.nextBoolean() ? Listing.Kind.OFFER : Listing.Kind.NEED;
            String category = kind == Listing.Kind.OFFER && !owner.skills().isEmpty() && random.nextBoolean()
                    ? owner.skills().stream().sorted().findFirst().orElseThrow()
                    : Taxonomy.CATEGORIES.get(random.nextInt(Taxonomy.CATEGORIES.size()));
            Mode mode = random.nextInt(5) == 0 ? Mode.REMOTE : Mode.IN_PERSON;
            Set<String> tags = new HashSet<>(List.of(tag(random), tag(random)));
            listings.add(new Listing("l" + i, TB, owner.memberId(), kind, new ListingContent(kind + " " + category + " " + i,
                    "", category, tags, 30 + 15L * random.nextInt(8), mode, mode == Mode.REMOTE ? null : owner.district(),
                    null, random.nextInt(10) == 0 ? Set.of("step-free") : Set.of(), NOW.plusSeconds(86_400L * 60),
                    random.nextInt(10) == 0), Listing.Status.OPEN, NOW.minusSeconds(random.nextInt(86_400 * 30)), NOW, 0));
        }
        return listings;
    }

    /** Generated members as a list, for tests that want realistic variety. */
    public static List<Profile> members(Random random, int count) {
        return generateMembers(random, count).values().stream()
                .sorted(java.util.Comparator.comparing(Profile::memberId)).toList();
    }

    public static List<Listing> listings(Random random, List<Profile> members, int count) {
        return generateListings(random, members, count);
    }

    private static String tag(Random random) {
        return "tag" + random.nextInt(200);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static int intArg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
