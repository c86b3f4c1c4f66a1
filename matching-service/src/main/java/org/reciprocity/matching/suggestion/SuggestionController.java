package org.reciprocity.matching.suggestion;

import java.util.List;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.reciprocity.matching.profile.Readers;
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

    SuggestionController(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    /**
     * The best matches for a listing, each with its score and reasons; for its owner and the
     * coordinators. The owner's reasons say of the other members only what those share, in the
     * reader's language (Accept-Language).
     */
    @GetMapping("/api/v1/timebanks/{timebankId}/listings/{listingId}/suggestions")
    @Access("SEE_SUGGESTIONS")
    List<Suggestions.Suggestion> forListing(@PathVariable String timebankId, @PathVariable String listingId,
                                            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return suggestions.forListing(timebankId, listingId, limit, Readers.current(),
                ProblemDetailsAdvice.readerLanguage());
    }
}
