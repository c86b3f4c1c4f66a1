package org.reciprocity.matching.coordinator;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/coordinator")
class CoordinatorController {

    private final CoordinatorQueue queue;
    private final Plans plans;

    CoordinatorController(CoordinatorQueue queue, Plans plans) {
        this.queue = queue;
        this.plans = plans;
    }

    /**
     * What needs a coordinator's attention now; {@code newest}: the time-ordered kinds newest first
     * (chosen before the lists are cut at {@code limit}).
     */
    @GetMapping("/queue")
    @Access("READ_COORDINATOR_QUEUE")
    CoordinatorQueue.Queue queue(@PathVariable String timebankId,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(200) int limit,
                                 @RequestParam(defaultValue = "false") boolean newest) {
        return queue.of(timebankId, limit, newest);
    }

    /** Runs the batch planner over the open needs and offers; the result is a draft to review. */
    @PostMapping("/plans")
    @Access("RUN_PLANNER")
    @ResponseStatus(HttpStatus.CREATED)
    Plans.PlanDocument plan(@PathVariable String timebankId) {
        return plans.run(timebankId, Caller.current().memberId())
                .worded(ProblemDetailsAdvice.readerLanguage(), plans.shown(timebankId));
    }

    @GetMapping("/plans/{planId}")
    @Access("READ_PLAN")
    Plans.PlanDocument get(@PathVariable String timebankId, @PathVariable String planId) {
        return plans.require(timebankId, planId).worded(ProblemDetailsAdvice.readerLanguage(), plans.shown(timebankId));
    }

    /** Sends the proposals the coordinator keeps (their positions in the plan; none listed means all). */
    @PostMapping("/plans/{planId}/send")
    @Access("SEND_PLAN")
    Plans.PlanDocument send(@PathVariable String timebankId, @PathVariable String planId,
                            @RequestBody(required = false) SendRequest request) {
        return plans.send(timebankId, planId, request == null || request.keep() == null ? Set.of() : request.keep(),
                Caller.current().memberId()).worded(ProblemDetailsAdvice.readerLanguage(), plans.shown(timebankId));
    }

    record SendRequest(Set<Integer> keep) {
    }
}
