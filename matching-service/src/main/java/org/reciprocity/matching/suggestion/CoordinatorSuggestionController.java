package org.reciprocity.matching.suggestion;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Validated
class CoordinatorSuggestionController {

    private final CoordinatorSuggestions view;

    CoordinatorSuggestionController(CoordinatorSuggestions view) {
        this.view = view;
    }

    /**
     * For coordinators: a listing in brief, its ranked suggestions with reasons about both sides, and who is
     * not suggested and why (paused, not checked, at the cap of open matches, access needs not met), at most
     * {@code notSuggested} of them with their total. Reasons tell a member's private state, hence the rule.
     */
    @GetMapping("/api/v1/timebanks/{timebankId}/coordinator/listings/{listingId}/suggestions")
    @Access("SEE_SUGGESTIONS_AS_COORDINATOR")
    CoordinatorSuggestions.View forListing(@PathVariable String timebankId, @PathVariable String listingId,
                                           @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
                                           @RequestParam(defaultValue = "20") @Min(0) @Max(50) int notSuggested) {
        return view.of(timebankId, listingId, limit, notSuggested, ProblemDetailsAdvice.readerLanguage());
    }
}
