package org.reciprocity.matching.match;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A timebank's matches for its coordinators, by where they stand, newest first, a page at a time: each
 * with the names of both members and of who proposed it (matching holds every member's name), so the
 * coordinator's page needs no other call.
 */
@Service
class TimebankMatches {

    static final int MOST_PER_PAGE = 100;

    private final MongoTemplate mongo;
    private final Profiles profiles;

    TimebankMatches(MongoTemplate mongo, Profiles profiles) {
        this.mongo = mongo;
        this.profiles = profiles;
    }

    /** The groups a coordinator follows matches in. */
    enum State {
        PROPOSED(Set.of(Match.Status.PROPOSED)),
        AGREED(Set.of(Match.Status.AGREED)),
        COMPLETED(Set.of(Match.Status.COMPLETED)),
        CLOSED(Set.of(Match.Status.DECLINED, Match.Status.CANCELLED, Match.Status.EXPIRED));

        final Set<Match.Status> statuses;

        State(Set<Match.Status> statuses) {
            this.statuses = statuses;
        }
    }

    /** A match with the names a coordinator reads. */
    record Entry(String id, String giverId, String giverName, String receiverId, String receiverName,
                 String offerListingId, String needListingId, String proposedBy, String proposedByName, Match.Via via,
                 long estimatedMinutes, int score, Match.Answer giverAnswer, Match.Answer receiverAnswer,
                 Match.Status status, Instant proposedAt, Instant expiresAt, Instant closedAt, String activity) {
    }

    /** One page of a state's matches, with how many each state holds. */
    record Page(State state, int page, int size, long total, Map<State, Long> counts, List<Entry> matches) {
    }

    Page of(String timebankId, State state, int page, int size) {
        Query query = Query.query(Criteria.where("timebankId").is(timebankId).and("status").in(state.statuses))
                .with(Sort.by(Sort.Order.desc("proposedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("outbox");
        List<Entry> entries = mongo.find(query, MatchDocument.class, Matches.COLLECTION).stream()
                .map(MatchDocument::toMatch).map(m -> entry(timebankId, m)).toList();
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State each : State.values()) {
            counts.put(each, mongo.count(Query.query(Criteria.where("timebankId").is(timebankId)
                    .and("status").in(each.statuses)), Matches.COLLECTION));
        }
        return new Page(state, page, size, counts.get(state), counts, entries);
    }

    static State state(String name) {
        return State.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private Entry entry(String timebankId, Match m) {
        return new Entry(m.id(), m.giverId(), name(timebankId, m.giverId()), m.receiverId(),
                name(timebankId, m.receiverId()), m.offerListingId(), m.needListingId(), m.proposedBy(),
                name(timebankId, m.proposedBy()), m.via(), m.estimatedMinutes(), m.score(), m.giverAnswer(),
                m.receiverAnswer(), m.status(), m.proposedAt(), m.expiresAt(), m.closedAt(), m.activity());
    }

    /** From the profiles in memory; a coordinator who is not a member of the timebank has no name here. */
    private String name(String timebankId, String memberId) {
        return memberId == null ? null : profiles.find(timebankId, memberId).map(Profile::displayName).orElse(null);
    }
}
