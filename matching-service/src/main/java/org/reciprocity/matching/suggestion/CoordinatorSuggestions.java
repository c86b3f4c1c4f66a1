package org.reciprocity.matching.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.reciprocity.matching.suggestion.Suggestions.Suggestion;
import org.springframework.stereotype.Service;

/**
 * A coordinator's view of one listing, in one answer so the portal's page makes one call: the listing in
 * brief with its owner's name, the ranked suggestions with reasons about both sides, and who is not
 * suggested and why. When nobody can be suggested at all (the listing is not open, its owner has paused
 * or is at the cap of open matches) it says that instead, once.
 */
@Service
class CoordinatorSuggestions {

    private final Listings listings;
    private final Profiles profiles;
    private final Matches matches;
    private final Clock clock;

    CoordinatorSuggestions(Listings listings, Profiles profiles, Matches matches, Clock clock) {
        this.listings = listings;
        this.profiles = profiles;
        this.matches = matches;
        this.clock = clock;
    }

    /** The listing as the page shows it above the suggestions. */
    record Brief(String id, Listing.Kind kind, String title, String description, String category, Set<String> tags,
                 long estimatedMinutes, String mode, String district, Set<String> accessibility, boolean requiresVerified,
                 Listing.Status status, Instant expiresAt, String ownerId, String ownerName) {

        static Brief of(Listing l, Profile owner) {
            return new Brief(l.id(), l.kind(), l.title(), l.content().description(), l.category(), l.tags(),
                    l.content().estimatedMinutes(), l.content().mode() == null ? null : l.content().mode().name(),
                    l.content().district(), l.content().accessibility(), l.content().requiresVerified(), l.status(),
                    l.content().expiresAt(), l.ownerId(), owner == null ? null : owner.displayName());
        }
    }

    /**
     * @param unavailableCode why nobody is suggested for this listing now (a {@link MatchingRefusal} code), or null
     * @param unavailable     the same in the reader's words
     */
    record View(Brief listing, List<Suggestion> suggestions, List<NotSuggested.Candidate> notSuggested,
                int notSuggestedTotal, String unavailableCode, String unavailable) {
    }

    View of(String timebankId, String listingId, int limit, int notSuggestedLimit, Locale language) {
        Instant now = Instant.now(clock);
        Listing listing = listings.board().get(listingId).filter(l -> l.timebankId().equals(timebankId))
                .orElseGet(() -> listings.require(timebankId, listingId)); // 404 when unknown here
        Profile owner = profiles.find(timebankId, listing.ownerId()).orElse(null);
        Brief brief = Brief.of(listing, owner);
        Refusal unavailable = whyNobody(listing, owner, now);
        if (unavailable != null) {
            return new View(brief, List.of(), List.of(), 0, unavailable.code(), unavailable.words(language));
        }
        Ranking.Context context = new Ranking.Context(listings.board(), id -> profiles.find(timebankId, id).orElse(null),
                () -> profiles.inTimebank(timebankId), matches::openCount, matches.cap(), now);
        List<Suggestion> suggestions = Ranking.rank(context, listing, owner, limit, Audience.EVERYTHING, language);
        Set<String> shown = suggestions.stream().map(Suggestion::memberId).collect(Collectors.toSet());
        NotSuggested.Found left = NotSuggested.of(context, listing, owner, shown, notSuggestedLimit, language);
        return new View(brief, suggestions, left.candidates(), left.total(), null, null);
    }

    private Refusal whyNobody(Listing listing, Profile owner, Instant now) {
        if (!listing.isOpen(now)) {
            return MatchingRefusal.LISTING_NOT_OPEN.refusal();
        }
        if (owner == null || !owner.isMember()) {
            return MatchingRefusal.NEEDS_OWNER_HAS_NO_PROFILE.refusal();
        }
        if (owner.suspended()) {
            return MatchingRefusal.MEMBER_SUSPENDED.with("member", owner.name(), "memberId", owner.memberId());
        }
        if (owner.paused()) {
            return MatchingRefusal.MEMBER_PAUSED.with("member", owner.name(), "memberId", owner.memberId());
        }
        long open = matches.openCount(owner.memberId());
        if (open >= matches.cap()) {
            return MatchingRefusal.TOO_MANY_OPEN_MATCHES.with("member", owner.name(), "memberId", owner.memberId(),
                    "open", open);
        }
        return null;
    }
}
