package org.reciprocity.notification.contact;

import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A timebank's contact for its members: its admin sets who the coordinators are and a support line;
 * every e-mail's footer and the unsubscribe page show them. Members read it (the portal shows it too).
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/contact")
class ContactController {

    private static final String PHONE = "[0-9+() .-]{3,30}";

    private final TimebankContacts contacts;

    ContactController(TimebankContacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Access("READ_TIMEBANK_CONTACT")
    TimebankContact get(@PathVariable String timebankId) {
        return contacts.of(timebankId);
    }

    /** Replaces the contact whole: a part left out is cleared, and then said in default words. */
    @PutMapping
    @Access("CHANGE_TIMEBANK_CONTACT")
    TimebankContact put(@PathVariable String timebankId, @Valid @RequestBody ContactRequest request) {
        TimebankContact contact = new TimebankContact(timebankId, request.coordinatorsName(), request.coordinatorsEmail(),
                request.coordinatorsPhone(), request.supportWords(), request.supportPhone());
        contacts.save(contact);
        return contact;
    }

    record ContactRequest(@Size(max = 120) String coordinatorsName, @Email @Size(max = 200) String coordinatorsEmail,
                          @Pattern(regexp = PHONE) String coordinatorsPhone, @Size(max = 300) String supportWords,
                          @Pattern(regexp = PHONE) String supportPhone) {
    }
}
