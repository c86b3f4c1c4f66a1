package org.reciprocity.matching.match;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.kit.messaging.ProcessedEvents;
import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.MatchedWith;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.reciprocity.matching.suggestion.HardRules;
import org.reciprocity.matching.suggestion.Scoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Proposes matches and carries them through their lifecycle. The hard rules are checked again,
 * against the database rather than the in-memory board, at the moment of proposing: a suggestion
 * may be a little stale, a proposal may not. The open matches are kept in memory too, for the
 * load penalty and the cap that suggestions and the planner apply.
 */
@Service
public class Matches implements MatchedWith {

    static final String COLLECTION = "matches";
    private static final String CONSUMER = "matching.completions";
    private static final Logger log = LoggerFactory.getLogger(Matches.class);

    private final MongoTemplate mongo;
    private final Listings listings;
    private final Profiles profiles;
    private final ProcessedEvents processed;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int cap;
    private final Duration answerWithin;
    private final Map<String, Match> open = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> openByMember = new ConcurrentHashMap<>();

    Matches(MongoTemplate mongo, Listings listings, Profiles profiles, ProcessedEvents processed, OutboxRelay relay,
            Clock clock, @Value("${reciprocity.matching.open-match-cap:3}") int cap,
            @Value("${reciprocity.matching.answer-within:7d}") Duration answerWithin) {
        this.mongo = mongo;
        this.listings = listings;
        this.profiles = profiles;
        this.processed = processed;
        this.relay = relay;
        this.clock = clock;
        this.cap = cap;
        this.answerWithin = answerWithin;
        reload();
    }

    /** The most open (proposed or agreed) matches a member may have. */
    public int cap() {
        return cap;
    }

    /** The member's open matches as this instance knows them. */
    public long openCount(String memberId) {
        return openByMember.getOrDefault(memberId, Set.of()).size();
    }

    public Collection<Match> open() {
        return open.values();
    }

    /**
     * Proposes that the giver helps with the need: through the giver's offer, or (for a member
     * suggested for their skills) with no offer. A member proposes only a match they are one side
     * of (what the request names decides it, so it is checked here, not by the access policy);
     * {@code via} COORDINATOR and PLANNER come only from endpoints the policy keeps to coordinators.
     */
    public Match propose(String timebankId, String proposerId, String needListingId, String offerListingId,
                         String giverId, Match.Via via) {
        Listing need = listings.require(timebankId, needListingId);
        Listing offer = offerListingId == null ? null : listings.require(timebankId, offerListingId);
        String giverMember = offer != null ? offer.ownerId() : giverId;
        if (giverMember == null) {
            throw new Refused(MatchingRefusal.GIVER_OR_OFFER_NEEDED);
        }
        if (offer != null && giverId != null && !giverId.equals(offer.ownerId())) {
            throw new Refused(MatchingRefusal.GIVER_NOT_OFFER_OWNER);
        }
        if (via == Match.Via.MEMBER && !proposerId.equals(giverMember) && !proposerId.equals(need.ownerId())) {
            throw new Refused(MatchingRefusal.NOT_PART_OF_THE_MATCH);
        }
        Profile receiver = profiles.findFresh(timebankId, need.ownerId())
                .orElseThrow(() -> new Refused(MatchingRefusal.NEEDS_OWNER_HAS_NO_PROFILE));
        Profile giver = profiles.findFresh(timebankId, giverMember)
                .orElseThrow(() -> ApiException.notFound("member", giverMember));
        long giverOpen = countOpen(giver.memberId());
        // A member is not told the other side's private state (suspended, paused…), only that it cannot be.
        Audience proposer = via == Match.Via.MEMBER ? Audience.member(proposerId) : Audience.EVERYTHING;
        HardRules.violation(need, receiver, offer, giver, giverOpen, countOpen(receiver.memberId()), cap,
                Instant.now(clock)).map(refusal -> HardRules.toldTo(proposer,
                        via == Match.Via.MEMBER ? proposerId : null, refusal, giver, receiver))
                .ifPresent(refusal -> {
                    throw new Refused(refusal);
                });
        int score = Scoring.score(need, receiver, offer, giver, giverOpen).total();
        long minutes = offer != null ? Math.max(offer.content().estimatedMinutes(), need.content().estimatedMinutes())
                : need.content().estimatedMinutes();
        Match.Changed proposed = Match.propose(timebankId, giver.memberId(), receiver.memberId(), offerListingId,
                needListingId, proposerId, via, minutes, score, need.title(), answerWithin, clock);
        mongo.insert(MatchDocument.of(proposed, List.of(), 0), COLLECTION);
        relay.flush(COLLECTION, proposed.match().id());
        track(proposed.match());
        return proposed.match();
    }

    Match accept(String timebankId, String id, String memberId) {
        return change(timebankId, id, match -> match.accept(memberId, clock));
    }

    Match decline(String timebankId, String id, String memberId, String reason) {
        return change(timebankId, id, match -> match.decline(memberId, reason, clock));
    }

    /** Either side or a coordinator (the access policy decides who may) calls it off. */
    Match cancel(String timebankId, String id, String by, String reason) {
        return change(timebankId, id, match -> match.cancel(by, reason, clock));
    }

    /** The ledger validated (or a coordinator resolved) a contribution naming a match: it is complete. */
    @KafkaListener(id = CONSUMER, topics = Topics.CONTRIBUTIONS_TOPIC)
    void onContribution(DomainEvent event) {
        String matchId = null;
        String contributionId = null;
        long minutes = 0;
        if (event instanceof ContributionValidated validated) {
            matchId = validated.matchId();
            contributionId = validated.contributionId();
            minutes = validated.minutes();
        } else if (event instanceof ContributionResolved resolved) {
            matchId = resolved.matchId();
            contributionId = resolved.contributionId();
            minutes = resolved.minutes();
        }
        if (matchId == null) {
            return;
        }
        String match = matchId;
        String contribution = contributionId;
        long logged = minutes;
        processed.applyOnce(CONSUMER, event, () -> complete(event.timebankId(), match, contribution, logged));
    }

    private void complete(String timebankId, String matchId, String contributionId, long minutes) {
        for (int attempt = 0; attempt < 5; attempt++) {
            MatchDocument stored = mongo.findById(matchId, MatchDocument.class, COLLECTION);
            if (stored == null || !stored.timebankId().equals(timebankId)) {
                log.warn("contribution {} names match {}, unknown in timebank {}", contributionId, matchId, timebankId);
                return;
            }
            if (stored.status() != Match.Status.AGREED) {
                // The ledger only takes contributions against agreed matches; anything else is a late repeat.
                log.info("match {} is {}, not completed by contribution {}", matchId, stored.status(), contributionId);
                return;
            }
            if (save(stored, stored.toMatch().complete(contributionId, minutes, clock))) {
                return;
            }
        }
        throw new IllegalStateException("match " + matchId + " kept changing; the record will be retried");
    }

    /** Proposals nobody answered in time expire; conditional on the version, so once across instances. */
    @Scheduled(fixedDelayString = "${reciprocity.matching.expiry-interval:60s}", initialDelayString = "${reciprocity.matching.expiry-interval:60s}")
    public int expireDue() {
        Instant now = Instant.now(clock);
        int expired = 0;
        for (Match due : open.values().stream().filter(m -> m.isDue(now)).toList()) {
            MatchDocument stored = mongo.findById(due.id(), MatchDocument.class, COLLECTION);
            if (stored != null && stored.toMatch().isDue(now) && save(stored, stored.toMatch().expire(now))) {
                expired++;
            } else if (stored != null) {
                track(stored.toMatch());
            }
        }
        return expired;
    }

    /** Issue 18: matched with each other, as proposed, agreed or done (not declined, cancelled or expired). */
    @Override
    public boolean between(String timebankId, String oneMemberId, String otherMemberId) {
        Query between = Query.query(Criteria.where("timebankId").is(timebankId)
                .and("status").in(Match.Status.PROPOSED.name(), Match.Status.AGREED.name(), Match.Status.COMPLETED.name())
                .orOperator(Criteria.where("giverId").is(oneMemberId).and("receiverId").is(otherMemberId),
                        Criteria.where("giverId").is(otherMemberId).and("receiverId").is(oneMemberId)));
        return mongo.exists(between, COLLECTION);
    }

    /** The match as stored, if it is in this timebank. */
    public Optional<Match> find(String timebankId, String id) {
        MatchDocument document = mongo.findById(id, MatchDocument.class, COLLECTION);
        return document == null || !document.timebankId().equals(timebankId) ? Optional.empty()
                : Optional.of(document.toMatch());
    }

    public Match require(String timebankId, String id) {
        return find(timebankId, id).orElseThrow(() -> ApiException.notFound("match", id));
    }

    /** A member's matches, newest first. */
    List<Match> of(String timebankId, String memberId) {
        Query mine = Query.query(new Criteria().orOperator(Criteria.where("giverId").is(memberId),
                Criteria.where("receiverId").is(memberId)));
        mine.fields().exclude("outbox");
        return mongo.find(mine, MatchDocument.class, COLLECTION).stream().map(MatchDocument::toMatch)
                .filter(m -> m.timebankId().equals(timebankId))
                .sorted(java.util.Comparator.comparing(Match::proposedAt).reversed()).toList();
    }

    /** The need listings of a timebank that have an agreed or completed match. */
    public Set<String> needsWithAnAgreedMatch(String timebankId) {
        Query agreed = Query.query(Criteria.where("timebankId").is(timebankId)
                .and("status").in(Match.Status.AGREED, Match.Status.COMPLETED));
        agreed.fields().include("needListingId");
        // read as a plain document: a MatchDocument cannot be made from one field (its minutes are a long)
        return mongo.find(agreed, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("needListingId"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Issue 18: the matches of an erased member ({@code involving}, found by {@code erasure/PersonalData})
     * lose their activity (the need's title, the member's words) and the reason they were declined or
     * cancelled with; their ids, states and minutes stay, since
     * the ledger and the other member's history refer to them. Repeatable.
     */
    public void erase(Criteria involving) {
        mongo.updateMulti(Query.query(involving), new Update().unset("activity"), COLLECTION);
        // the reason is the members' words, except the one this service writes when a side left
        mongo.updateMulti(Query.query(new Criteria().andOperator(involving,
                Criteria.where("closedReason").ne(Match.MEMBER_LEFT))), new Update().unset("closedReason"), COLLECTION);
        Query live = Query.query(new Criteria().andOperator(involving,
                Criteria.where("status").in(Match.Status.PROPOSED, Match.Status.AGREED)));
        live.fields().exclude("outbox");
        mongo.find(live, MatchDocument.class, COLLECTION).forEach(document -> track(document.toMatch()));
    }

    /**
     * Issue 18: the open (proposed or agreed) matches of a member who left ({@code involving}, found by
     * {@code erasure/PersonalData}) are cancelled, with {@link Match#MEMBER_LEFT} as their reason, and
     * {@code MatchCancelled} is published as for any cancellation (named after the member who left, the
     * reason null on the topic), so the other side is not left waiting for an answer that cannot come.
     * Each is a conditional update on the match's version: a match already closed, here or by another
     * instance, is left as it is, so doing it again changes nothing.
     *
     * @return how many this call cancelled
     */
    public int closeFor(Criteria involving, String memberId) {
        Query live = Query.query(new Criteria().andOperator(involving,
                Criteria.where("status").in(Match.Status.PROPOSED, Match.Status.AGREED)));
        int cancelled = 0;
        for (MatchDocument found : mongo.find(live, MatchDocument.class, COLLECTION)) {
            MatchDocument stored = found;
            boolean closed = false;
            for (int attempt = 0; attempt < 5 && !closed; attempt++) {
                if (stored == null || !stored.toMatch().isOpen()) {
                    closed = true; // closed meanwhile (answered, expired, or by another instance's erasure)
                } else if (save(stored, stored.toMatch().cancel(memberId, Match.MEMBER_LEFT, clock))) {
                    cancelled++;
                    closed = true;
                } else {
                    stored = mongo.findById(found.id(), MatchDocument.class, COLLECTION);
                }
            }
            if (!closed) {
                throw new IllegalStateException("match " + found.id() + " kept changing; the erasure will be retried");
            }
        }
        return cancelled;
    }

    /** Reads the open matches from the database; picks up what other instances wrote. */
    @Scheduled(fixedDelayString = "${reciprocity.matching.board-refresh:5m}", initialDelayString = "${reciprocity.matching.board-refresh:5m}")
    public void reload() {
        Query live = Query.query(Criteria.where("status").in(Match.Status.PROPOSED, Match.Status.AGREED));
        live.fields().exclude("outbox");
        open.clear();
        openByMember.clear();
        mongo.find(live, MatchDocument.class, COLLECTION).forEach(document -> track(document.toMatch()));
    }

    private Match change(String timebankId, String id, Function<Match, Match.Changed> transition) {
        MatchDocument stored = mongo.findById(id, MatchDocument.class, COLLECTION);
        if (stored == null || !stored.timebankId().equals(timebankId)) {
            throw ApiException.notFound("match", id);
        }
        Match.Changed changed = transition.apply(stored.toMatch());
        if (!save(stored, changed)) {
            throw new Refused(MatchingRefusal.MATCH_CHANGED_MEANWHILE);
        }
        return changed.match();
    }

    /** The authoritative count, from the database: used when proposing. */
    private long countOpen(String memberId) {
        return mongo.count(Query.query(new Criteria().andOperator(
                new Criteria().orOperator(Criteria.where("giverId").is(memberId), Criteria.where("receiverId").is(memberId)),
                Criteria.where("status").in(Match.Status.PROPOSED, Match.Status.AGREED))), COLLECTION);
    }

    private boolean save(MatchDocument stored, Match.Changed changed) {
        MatchDocument next = MatchDocument.of(changed, stored.outbox(), stored.version() + 1);
        Query sameVersion = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        boolean replaced = mongo.replace(sameVersion, next, COLLECTION).getModifiedCount() == 1;
        if (replaced) {
            relay.flush(COLLECTION, stored.id());
            track(next.toMatch());
        }
        return replaced;
    }

    private void track(Match match) {
        if (match.isOpen()) {
            open.put(match.id(), match);
            openByMember.computeIfAbsent(match.giverId(), k -> ConcurrentHashMap.newKeySet()).add(match.id());
            openByMember.computeIfAbsent(match.receiverId(), k -> ConcurrentHashMap.newKeySet()).add(match.id());
        } else {
            open.remove(match.id());
            forget(match.giverId(), match.id());
            forget(match.receiverId(), match.id());
        }
    }

    private void forget(String memberId, String matchId) {
        Set<String> ids = openByMember.get(memberId);
        if (ids != null) {
            ids.remove(matchId);
        }
    }
}
