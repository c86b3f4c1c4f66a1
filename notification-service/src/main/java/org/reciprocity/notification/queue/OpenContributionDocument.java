package org.reciprocity.notification.queue;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A contribution in the queue read model, by timebank and contribution id (a contribution's id is
 * chosen by its client and unique only within its timebank). Closed ones are kept (state
 * {@code CLOSED}) so that a redelivered log cannot reopen them. The unique {_id, state} index lets
 * mongo-java-server serve "dispute it if still waiting" as a direct lookup.
 */
@Document("queue_contributions")
@CompoundIndex(name = "id_state", def = "{'_id': 1, 'state': 1}", unique = true)
record OpenContributionDocument(@Id String id, String contributionId, String timebankId, String giverId, String receiverId,
                                long minutes, Instant loggedAt, String state, Instant disputedAt) {

    static String key(String timebankId, String contributionId) {
        return timebankId + "/" + contributionId;
    }

    OpenContribution toContribution() {
        return new OpenContribution(contributionId, timebankId, giverId, receiverId, minutes, loggedAt,
                OpenContribution.State.valueOf(state), disputedAt);
    }
}
