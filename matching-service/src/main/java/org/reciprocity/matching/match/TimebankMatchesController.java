package org.reciprocity.matching.match;

import org.reciprocity.kit.access.Access;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@RestController
@Validated
class TimebankMatchesController {

    private final TimebankMatches matches;

    TimebankMatchesController(TimebankMatches matches) {
        this.matches = matches;
    }

    /**
     * The timebank's matches in one state (PROPOSED, AGREED, COMPLETED, CLOSED: declined, cancelled or
     * expired), newest first, a page at a time, with the counts of every state: for coordinators.
     */
    @GetMapping("/api/v1/timebanks/{timebankId}/coordinator/matches")
    @Access("LIST_TIMEBANK_MATCHES")
    TimebankMatches.Page list(@PathVariable String timebankId,
                              @RequestParam(defaultValue = "PROPOSED")
                              @Pattern(regexp = "(?i)PROPOSED|AGREED|COMPLETED|CLOSED") String state,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                              @RequestParam(defaultValue = "25") @Min(1) @Max(TimebankMatches.MOST_PER_PAGE) int size) {
        return matches.of(timebankId, TimebankMatches.state(state), page, size);
    }
}
