package org.reciprocity.ledger.coordinator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What in the ledger needs a coordinator now: the ledger's half of the portal's queue. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/coordinator")
class CoordinatorQueueController {

    private final CoordinatorQueue queue;

    CoordinatorQueueController(CoordinatorQueue queue) {
        this.queue = queue;
    }

    /**
     * Disputes, contributions unconfirmed after a reminder, balances near a limit: each with its
     * true count and at most {@code limit} items (1 to 200).
     */
    @GetMapping("/queue")
    @Access("READ_COORDINATOR_QUEUE")
    CoordinatorQueue.Queue queue(@PathVariable String timebankId, @RequestParam(defaultValue = "50") @Min(1) @Max(CoordinatorQueue.MOST) int limit,
                                 @RequestParam(defaultValue = "false") boolean newest) {
        return queue.of(timebankId, limit, newest);
    }
}
