package org.reciprocity.notification.recipient;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recipient as stored. {@code registeredEventId}/{@code registeredAt}: the member's registration,
 * kept so the welcome can be sent once their details arrive; {@code welcomed} once it was.
 * An erased member's document keeps ids only, with {@code erased} set, so that no late event brings
 * them a message or their details back.
 */
@Document("recipients")
record RecipientDocument(@Id String memberId, String timebankId, String displayName, String email, String language,
                         List<String> roles, Boolean suspended, Boolean paused, Boolean erased) {

    /** The flags are absent until a suspension or pause event sets them. */
    Recipient toRecipient() {
        return new Recipient(memberId, timebankId, displayName, email, language, roles, Boolean.TRUE.equals(suspended),
                Boolean.TRUE.equals(paused), Boolean.TRUE.equals(erased));
    }
}
