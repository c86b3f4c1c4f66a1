package org.reciprocity.notification.queue;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A contribution in the queue read model, by contribution id. Closed ones are kept (state
 * {@code CLOSED}) so that a redelivered log cannot reopen them. The unique {_id, state} index lets
 * mongo-java-server serve "dispute it if still waiting" as a direct lookup.
 */
@Document("queue_contributions")
@CompoundIndex(name = "id_state", def = "{'_id': 1, 'state': 1}", unique = true)
record OpenContributionDocument(@Id String contributionId, String timebankId, String giverId, String receiverId,
                                long minutes, Instant loggedAt, String state, Instant disputedAt) {

    OpenContribution toContribution() {
        return new OpenContribution(contributionId, timebankId, giverId, receiverId, minutes, loggedAt,
                OpenContribution.State.valueOf(state), disputedAt);
    }
}
