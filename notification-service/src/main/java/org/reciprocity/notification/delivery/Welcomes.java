package org.reciprocity.notification.delivery;

import java.util.List;

import org.reciprocity.notification.message.Notices;
import org.reciprocity.notification.recipient.Recipients;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends a new member their welcome once notification knows both that they registered and their
 * details (issue 18: the registration no longer carries a name or an e-mail, and the two come on
 * different topics, in either order). Heard in the recipients consumer's own thread, after its write:
 * a failure here fails that event, which is then heard again. The welcome is keyed by the
 * registration event, so deciding it twice delivers it once.
 */
@Component
class Welcomes {

    private final Outreach outreach;
    private final Recipients recipients;

    Welcomes(Outreach outreach, Recipients recipients) {
        this.outreach = outreach;
        this.recipients = recipients;
    }

    @EventListener
    void due(Recipients.WelcomeDue due) {
        outreach.deliver(List.of(Notices.welcome(due.registrationEventId(), due.registeredAt(), due.timebankId(),
                due.memberId())), recipients.timebank(due.timebankId()));
    }
}
