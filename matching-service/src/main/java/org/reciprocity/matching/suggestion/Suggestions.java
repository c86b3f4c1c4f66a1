package org.reciprocity.matching.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Audience;
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

    /**
     * One suggestion: an offer or need (with its owner), or a member with no listing; best first.
     * {@code reasons} are the words a person reads, in their language; {@code why} the same reasons
     * as codes and parameters, for programs (the portal words them itself).
     */
    public record Suggestion(Type type, String listingId, String title, String memberId, String displayName, int score,
                             List<String> reasons, List<Why> why) {
        public enum Type { OFFER, NEED, MEMBER }

        Suggestion worded(Locale language) {
            return new Suggestion(type, listingId, title, memberId, displayName, score,
                    why.stream().map(w -> w.words(language)).toList(), why);
        }
    }

    /** The best suggestions for a listing, their reasons saying only what the reader may see of others. */
    public List<Suggestion> forListing(String timebankId, String listingId, int limit, Audience reader,
                                       Locale language) {
        Listing listing = listings.board().get(listingId).filter(l -> l.timebankId().equals(timebankId))
                .orElse(null);
        if (listing == null) {
            listings.require(timebankId, listingId); // not found, or found but off the board
            throw new Refused(MatchingRefusal.NO_SUGGESTIONS_NOW);
        }
        Profile owner = profiles.require(timebankId, listing.ownerId());
        if (!listing.isOpen(Instant.now(clock)) || !owner.isAvailable()) {
            throw new Refused(MatchingRefusal.NO_SUGGESTIONS_NOW);
        }
        Ranking.Context context = new Ranking.Context(listings.board(), id -> profiles.find(listing.timebankId(), id).orElse(null),
                () -> profiles.inTimebank(listing.timebankId()), matches::openCount, matches.cap(), Instant.now(clock));
        return Ranking.rank(context, listing, owner, limit, reader, language);
    }
}
