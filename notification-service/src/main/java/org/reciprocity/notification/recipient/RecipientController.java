package org.reciprocity.notification.recipient;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.notification.NotificationRefusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecipientController {

    private final Recipients recipients;

    RecipientController(Recipients recipients) {
        this.recipients = recipients;
    }

    /**
     * How notifications reach a member: contact details, so only the member themself and those who
     * follow up when a message does not arrive (coordinators, admins).
     */
    @GetMapping("/api/v1/timebanks/{timebankId}/recipients/{memberId}")
    @Access("READ_RECIPIENT")
    Recipient get(@PathVariable String timebankId, @PathVariable String memberId) {
        return recipients.find(timebankId, memberId)
                .orElseThrow(() -> ApiException.of(NotificationRefusal.NOT_KNOWN_YET, "memberId", memberId));
    }
}
