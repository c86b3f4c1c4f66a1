package org.reciprocity.notification.recipient;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("recipients")
record RecipientDocument(@Id String memberId, String timebankId, String displayName, String email, String language,
                         List<String> roles, Boolean suspended, Boolean paused) {

    /** The flags are absent until a suspension or pause event sets them. */
    Recipient toRecipient() {
        return new Recipient(memberId, timebankId, displayName, email, language, roles, Boolean.TRUE.equals(suspended),
                Boolean.TRUE.equals(paused));
    }
}
