package org.reciprocity.notification.recipient;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("recipients")
record RecipientDocument(@Id String memberId, String timebankId, String displayName, String email, String language) {

    static RecipientDocument of(Recipient r) {
        return new RecipientDocument(r.memberId(), r.timebankId(), r.displayName(), r.email(), r.language());
    }

    Recipient toRecipient() {
        return new Recipient(memberId, timebankId, displayName, email, language);
    }
}
