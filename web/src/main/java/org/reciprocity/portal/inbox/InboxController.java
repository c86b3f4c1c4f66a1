package org.reciprocity.portal.inbox;

import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Marking a message in my inbox as read, from the home page: one small form per unread message, then back
 * to the inbox with the unread count brought up to date. A message already gone is simply not there.
 */
@Controller
class InboxController {

    private final Services services;

    InboxController(Services services) {
        this.services = services;
    }

    @PostMapping("/inbox/{itemId}/read")
    String read(@PathVariable String itemId) {
        try {
            services.notification().post().uri(Services.TB + "/inbox/{id}/read", SignedIn.current().timebankId(), itemId)
                    .retrieve().toBodilessEntity();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
        return "redirect:/#inbox";
    }
}
