package org.reciprocity.ledger.consent;

import java.util.List;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's consents as stored, one document a member ({@code _id} = member id): the history and
 * the events of its last changes waiting in the outbox, written in one update, so a change and its
 * announcement are never apart. {@code version} is the number of changes: each update is
 * conditional on the version it read, so two changes at once cannot both be the next one.
 */
@Document(Consents.COLLECTION)
record ConsentsDocument(@Id String memberId, String timebankId, List<ConsentHistory.Change> history, long version,
                        List<OutboxEntry> outbox) {

    ConsentHistory toHistory() {
        return new ConsentHistory(history);
    }
}
