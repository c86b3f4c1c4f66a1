package org.reciprocity.ledger.integrity;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outcome of the chain's scheduled verification (issue 17), for those who answer for the
 * timebank's records; an admin can run one now. ({@code GET /ledger/verification} walks the chain on
 * the spot and records nothing.)
 */
@RestController
class VerificationController {

    private final ChainVerifications verifications;

    VerificationController(ChainVerifications verifications) {
        this.verifications = verifications;
    }

    /** The last verification: intact or broken, when, how many entries, the first that failed and why. */
    @Access("READ_VERIFICATION_OUTCOME")
    @GetMapping("/api/v1/timebanks/{timebankId}/ledger/verification/latest")
    VerificationOutcome latest(@PathVariable String timebankId) {
        return verifications.last(timebankId).orElseThrow(() -> ApiException.of(LedgerRefusal.NOT_VERIFIED_YET));
    }

    /** Verifies the chain now, records the outcome and publishes it as {@code ChainVerified}, as the schedule does. */
    @Access("RUN_VERIFICATION")
    @PostMapping("/api/v1/timebanks/{timebankId}/ledger/verification/runs")
    VerificationOutcome runNow(@PathVariable String timebankId) {
        return verifications.runNow(timebankId, Caller.current().memberId());
    }
}
