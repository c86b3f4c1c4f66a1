package org.reciprocity.matching.suggestion;

import java.util.List;

import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.matching.listing.Listings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class SuggestionController {

    private final Suggestions suggestions;
    private final Listings listings;

    SuggestionController(Suggestions suggestions, Listings listings) {
        this.suggestions = suggestions;
        this.listings = listings;
    }

    /** The best matches for a listing, each with its score and reasons; for its owner and the coordinators. */
    @GetMapping("/api/v1/timebanks/{timebankId}/listings/{listingId}/suggestions")
    List<Suggestions.Suggestion> forListing(@PathVariable String timebankId, @PathVariable String listingId,
                                            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        Caller caller = Caller.current();
        String owner = listings.require(timebankId, listingId).ownerId();
        if (!owner.equals(caller.memberId()) && !caller.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            throw new AccessDeniedException("Only the listing's owner and the coordinators see its suggestions.");
        }
        return suggestions.forListing(timebankId, listingId, limit);
    }
}
