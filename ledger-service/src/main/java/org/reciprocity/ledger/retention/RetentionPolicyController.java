package org.reciprocity.ledger.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How long the timebank's services keep messages, closed listings, match texts, plans and members who left (issue 18). */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/retention-policy")
class RetentionPolicyController {

    private final RetentionPolicies policies;

    RetentionPolicyController(RetentionPolicies policies) {
        this.policies = policies;
    }

    @Access("READ_RETENTION_POLICY")
    @GetMapping
    RetentionPolicyBody get(@PathVariable String timebankId) {
        return RetentionPolicyBody.of(policies.of(timebankId));
    }

    @Access("SET_RETENTION_POLICY")
    @PutMapping
    RetentionPolicyBody set(@PathVariable String timebankId, @Valid @RequestBody RetentionPolicyBody body) {
        return RetentionPolicyBody.of(policies.set(timebankId, body.toPolicy(), Caller.current().memberId()));
    }

    /** Whole days, 1 to 3650 each; {@code leftMembersDays} is applied by {@link LeftMembersRetention}. */
    record RetentionPolicyBody(@Min(1) @Max(3650) int messagesDays, @Min(1) @Max(3650) int closedListingsDays,
                               @Min(1) @Max(3650) int closedMatchActivityDays, @Min(1) @Max(3650) int plansDays,
                               @Min(1) @Max(3650) int leftMembersDays) {

        static RetentionPolicyBody of(RetentionPolicy p) {
            return new RetentionPolicyBody(p.messagesDays(), p.closedListingsDays(), p.closedMatchActivityDays(),
                    p.plansDays(), p.leftMembersDays());
        }

        RetentionPolicy toPolicy() {
            return new RetentionPolicy(messagesDays, closedListingsDays, closedMatchActivityDays, plansDays,
                    leftMembersDays);
        }
    }
}
