package org.reciprocity.matching.suggestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.suggestion.Suggestions.Suggestion;

/**
 * The ranking behind suggestions, free of Spring and MongoDB: candidates from the board's
 * category and tag buckets (and, for a need, members by their skills), hard rules first, then
 * scores, a top-k heap, and words only for the few shown.
 */
public final class Ranking {

    /** What ranking reads: the board, profiles by id, the timebank's members, open matches, the cap, the time. */
    public record Context(Board board, Function<String, Profile> profiles, Supplier<Collection<Profile>> members,
                          ToLongFunction<String> openMatches, int cap, Instant now) {
    }

    private Ranking() {
    }

    /** The best suggestions for a listing, their reasons worded for the reader, in English. */
    public static List<Suggestion> rank(Context context, Listing listing, Profile owner, int limit, Audience reader) {
        return rank(context, listing, owner, limit, reader, Locale.ENGLISH);
    }

    /** The best suggestions for a listing, their reasons worded for the reader in their language. */
    public static List<Suggestion> rank(Context context, Listing listing, Profile owner, int limit, Audience reader,
                                        Locale language) {
        List<Suggestion> ranked = listing.kind() == Listing.Kind.NEED ? forNeed(context, listing, owner, limit, reader)
                : forOffer(context, listing, owner, limit, reader);
        return ranked.stream().map(s -> s.worded(language)).toList();
    }

    private static List<Suggestion> forNeed(Context context, Listing need, Profile receiver, int limit,
                                            Audience reader) {
        Instant now = context.now();
        Board board = context.board();
        long receiverOpen = context.openMatches().applyAsLong(receiver.memberId());
        TopK top = new TopK(limit);
        Set<String> giversWithOffers = new HashSet<>();
        for (Listing offer : board.sharing(need.timebankId(), Listing.Kind.OFFER, need.category(), need.tags())) {
            Profile giver = context.profiles().apply(offer.ownerId());
            if (giver == null) {
                continue;
            }
            long giverOpen = context.openMatches().applyAsLong(giver.memberId());
            if (HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, context.cap(), now).isEmpty()) {
                giversWithOffers.add(giver.memberId());
                top.offer(new Candidate(need, receiver, offer, giver, giverOpen,
                        Scoring.score(need, receiver, offer, giver, giverOpen).total()));
            }
        }
        for (Profile giver : context.members().get()) {
            if (giversWithOffers.contains(giver.memberId()) || !hasSkillFor(giver, need)) {
                continue;
            }
            long giverOpen = context.openMatches().applyAsLong(giver.memberId());
            if (HardRules.violation(need, receiver, null, giver, giverOpen, receiverOpen, context.cap(), now).isEmpty()) {
                top.offer(new Candidate(need, receiver, null, giver, giverOpen,
                        Scoring.score(need, receiver, null, giver, giverOpen).total()));
            }
        }
        return top.best().stream()
                .map(c -> explain(c, c.offer == null ? Suggestion.Type.MEMBER : Suggestion.Type.OFFER, reader)).toList();
    }

    private static List<Suggestion> forOffer(Context context, Listing offer, Profile giver, int limit,
                                             Audience reader) {
        Instant now = context.now();
        long giverOpen = context.openMatches().applyAsLong(giver.memberId());
        TopK top = new TopK(limit);
        for (Listing need : context.board().sharing(offer.timebankId(), Listing.Kind.NEED, offer.category(), offer.tags())) {
            Profile receiver = context.profiles().apply(need.ownerId());
            if (receiver == null) {
                continue;
            }
            long receiverOpen = context.openMatches().applyAsLong(receiver.memberId());
            if (HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, context.cap(), now).isEmpty()) {
                top.offer(new Candidate(need, receiver, offer, giver, giverOpen,
                        Scoring.score(need, receiver, offer, giver, giverOpen).total()));
            }
        }
        return top.best().stream().map(c -> explain(c, Suggestion.Type.NEED, reader)).toList();
    }

    private static boolean hasSkillFor(Profile giver, Listing need) {
        if (giver.skills().contains(need.category())) {
            return true;
        }
        for (String tag : need.tags()) {
            if (giver.tags().contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static Suggestion explain(Candidate c, Suggestion.Type type, Audience reader) {
        Score score = Scoring.score(c.need, c.receiver, c.offer, c.giver, c.giverOpen, reader);
        return switch (type) {
            case OFFER -> new Suggestion(type, c.offer.id(), c.offer.title(), c.giver.memberId(), c.giver.displayName(),
                    score.total(), List.of(), score.reasons());
            case MEMBER -> new Suggestion(type, null, null, c.giver.memberId(), c.giver.displayName(), score.total(),
                    List.of(), score.reasons());
            case NEED -> new Suggestion(type, c.need.id(), c.need.title(), c.receiver.memberId(),
                    c.receiver.displayName(), score.total(), List.of(), score.reasons());
        };
    }

    private record Candidate(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen, int score) {
    }

    /** The k best candidates seen, in a heap of size k: no sort of thousands of candidates. */
    private static final class TopK {
        private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::score)
                .thenComparing(c -> c.offer != null ? c.offer.id() : c.giver.memberId(), Comparator.reverseOrder());
        private final int k;
        private final PriorityQueue<Candidate> heap;

        TopK(int k) {
            this.k = k;
            this.heap = new PriorityQueue<>(ORDER);
        }

        void offer(Candidate candidate) {
            heap.add(candidate);
            if (heap.size() > k) {
                heap.poll();
            }
        }

        List<Candidate> best() {
            List<Candidate> best = new ArrayList<>(heap);
            best.sort(ORDER.reversed());
            return best;
        }
    }
}
