package org.reciprocity.notification.recipient;

import org.reciprocity.kit.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecipientController {

    private final Recipients recipients;

    RecipientController(Recipients recipients) {
        this.recipients = recipients;
    }

    /** How notifications reach a member; contact details, so coordinators only. */
    @GetMapping("/api/v1/timebanks/{timebankId}/recipients/{memberId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    Recipient get(@PathVariable String timebankId, @PathVariable String memberId) {
        return recipients.find(timebankId, memberId)
                .orElseThrow(() -> ApiException.notFound("Member '" + memberId + "' is not known here yet."));
    }
}
