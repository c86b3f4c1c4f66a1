package org.reciprocity.matching.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.springframework.stereotype.Service;

/**
 * Ranked, explained suggestions: for a need, the best offers and the best members (by their
 * skills) to help; for an offer, the best needs. Candidates come from the board's category and
 * tag buckets, every candidate breaking a hard rule is dropped, the rest are scored, and only the
 * top few are put into words.
 */
@Service
public class Suggestions {

    private final Listings listings;
    private final Profiles profiles;
    private final Matches matches;
    private final Clock clock;

    Suggestions(Listings listings, Profiles profiles, Matches matches, Clock clock) {
        this.listings = listings;
        this.profiles = profiles;
        this.matches = matches;
        this.clock = clock;
    }

    /** One suggestion: an offer or need (with its owner), or a member with no listing; best first. */
    public record Suggestion(Type type, String listingId, String title, String memberId, String displayName, int score,
                             List<String> reasons) {
        public enum Type { OFFER, NEED, MEMBER }
    }

    public List<Suggestion> forListing(String timebankId, String listingId, int limit) {
        Listing listing = listings.board().get(listingId).filter(l -> l.timebankId().equals(timebankId))
                .orElseThrow(() -> ApiException.notFound("There is no open listing '" + listingId + "' in this timebank."));
        Profile owner = profiles.require(timebankId, listing.ownerId());
        if (!listing.isOpen(Instant.now(clock)) || !owner.isAvailable()) {
            throw new Refused("Suggestions are for open listings of available members.");
        }
        return listing.kind() == Listing.Kind.NEED ? forNeed(listing, owner, limit) : forOffer(listing, owner, limit);
    }

    private List<Suggestion> forNeed(Listing need, Profile receiver, int limit) {
        Instant now = Instant.now(clock);
        Board board = listings.board();
        long receiverOpen = matches.openCount(receiver.memberId());
        TopK top = new TopK(limit);
        Set<String> giversWithOffers = new HashSet<>();
        for (Listing offer : board.sharing(need.timebankId(), Listing.Kind.OFFER, need.category(), need.tags())) {
            Profile giver = profiles.find(need.timebankId(), offer.ownerId()).orElse(null);
            if (giver == null) {
                continue;
            }
            long giverOpen = matches.openCount(giver.memberId());
            if (HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, matches.cap(), now).isEmpty()) {
                giversWithOffers.add(giver.memberId());
                top.offer(new Candidate(need, receiver, offer, giver, giverOpen,
                        Scoring.score(need, receiver, offer, giver, giverOpen, false).total()));
            }
        }
        for (Profile giver : profiles.inTimebank(need.timebankId())) {
            if (giversWithOffers.contains(giver.memberId()) || !hasSkillFor(giver, need)) {
                continue;
            }
            long giverOpen = matches.openCount(giver.memberId());
            if (HardRules.violation(need, receiver, null, giver, giverOpen, receiverOpen, matches.cap(), now).isEmpty()) {
                top.offer(new Candidate(need, receiver, null, giver, giverOpen,
                        Scoring.score(need, receiver, null, giver, giverOpen, false).total()));
            }
        }
        return top.best().stream().map(c -> explain(c, c.offer == null ? Suggestion.Type.MEMBER : Suggestion.Type.OFFER))
                .toList();
    }

    private List<Suggestion> forOffer(Listing offer, Profile giver, int limit) {
        Instant now = Instant.now(clock);
        long giverOpen = matches.openCount(giver.memberId());
        TopK top = new TopK(limit);
        for (Listing need : listings.board().sharing(offer.timebankId(), Listing.Kind.NEED, offer.category(), offer.tags())) {
            Profile receiver = profiles.find(offer.timebankId(), need.ownerId()).orElse(null);
            if (receiver == null) {
                continue;
            }
            long receiverOpen = matches.openCount(receiver.memberId());
            if (HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, matches.cap(), now).isEmpty()) {
                top.offer(new Candidate(need, receiver, offer, giver, giverOpen,
                        Scoring.score(need, receiver, offer, giver, giverOpen, false).total()));
            }
        }
        return top.best().stream().map(c -> explain(c, Suggestion.Type.NEED)).toList();
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

    private static Suggestion explain(Candidate c, Suggestion.Type type) {
        Score score = Scoring.score(c.need, c.receiver, c.offer, c.giver, c.giverOpen, true);
        return switch (type) {
            case OFFER -> new Suggestion(type, c.offer.id(), c.offer.title(), c.giver.memberId(), c.giver.displayName(),
                    score.total(), score.reasons());
            case MEMBER -> new Suggestion(type, null, null, c.giver.memberId(), c.giver.displayName(), score.total(),
                    score.reasons());
            case NEED -> new Suggestion(type, c.need.id(), c.need.title(), c.receiver.memberId(),
                    c.receiver.displayName(), score.total(), score.reasons());
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
