package org.reciprocity.matching.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reciprocity.kit.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A match as stored, with the events of its changes waiting in its outbox; versioned like listings. */
@Document(Matches.COLLECTION)
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
record MatchDocument(@Id String id, String timebankId, String giverId, String receiverId, String offerListingId,
                     String needListingId, String proposedBy, Match.Via via, long estimatedMinutes, int score,
                     Match.Answer giverAnswer, Match.Answer receiverAnswer, Match.Status status, Instant proposedAt,
                     Instant expiresAt, Instant closedAt, String contributionId, long version, List<OutboxEntry> outbox,
                     String activity, String closedReason) {

    static MatchDocument of(Match.Changed changed, List<OutboxEntry> pending, long version) {
        Match m = changed.match();
        List<OutboxEntry> outbox = new ArrayList<>(pending == null ? List.of() : pending);
        changed.events().forEach(event -> outbox.add(OutboxEntry.of(event)));
        return new MatchDocument(m.id(), m.timebankId(), m.giverId(), m.receiverId(), m.offerListingId(),
                m.needListingId(), m.proposedBy(), m.via(), m.estimatedMinutes(), m.score(), m.giverAnswer(),
                m.receiverAnswer(), m.status(), m.proposedAt(), m.expiresAt(), m.closedAt(), m.contributionId(), version,
                outbox, m.activity(), m.closedReason());
    }

    Match toMatch() {
        return new Match(id, timebankId, giverId, receiverId, offerListingId, needListingId, proposedBy, via,
                estimatedMinutes, score, giverAnswer, receiverAnswer, status, proposedAt, expiresAt, closedAt,
                contributionId, version, activity, closedReason);
    }
}
