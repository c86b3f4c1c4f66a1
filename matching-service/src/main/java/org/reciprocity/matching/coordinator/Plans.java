package org.reciprocity.matching.coordinator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Match;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.reciprocity.matching.suggestion.Scoring;
import org.reciprocity.matching.suggestion.Why;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The planner as a coordinator uses it: run it, review the draft (each proposal with its score and
 * reasons, the total beside a greedy baseline's), then send the proposals they keep. Sending
 * proposes each kept match through the same path as any proposal, so the hard rules are checked
 * again at that moment; what no longer passes is reported, not sent.
 */
@Service
class Plans {

    static final String COLLECTION = "plans";

    private final MongoTemplate mongo;
    private final Listings listings;
    private final Profiles profiles;
    private final Matches matches;
    private final Clock clock;
    private final int perNeed;
    private final int maxNeeds;
    private final PlanDrafts drafts;

    Plans(MongoTemplate mongo, Listings listings, Profiles profiles, Matches matches, Clock clock,
          @Value("${reciprocity.matching.planner.offers-per-need:25}") int perNeed,
          @Value("${reciprocity.matching.planner.max-needs:2000}") int maxNeeds, PlanDrafts drafts) {
        this.drafts = drafts;
        this.mongo = mongo;
        this.listings = listings;
        this.profiles = profiles;
        this.matches = matches;
        this.clock = clock;
        this.perNeed = perNeed;
        this.maxNeeds = maxNeeds;
    }

    enum Status { DRAFT, SENT }

    /**
     * A proposal of the plan: {@code why} its reasons as codes (stored), {@code reasons} in the reader's words.
     * Issue 18: only ids are stored. The two listings' titles and the two members' names
     * ({@code needTitle}, {@code offerTitle}, {@code receiverName}, {@code giverName}) are looked up when the
     * plan is read, and the reasons' name parameters are filled in then, so erasing a member leaves
     * nothing of them in a plan (the erasure removes the proposals that name them by id).
     */
    record Proposal(String needListingId, String offerListingId, String giverId, String receiverId, int score,
                    List<String> reasons, List<Why> why, String needTitle, String offerTitle, String receiverName,
                    String giverName) {

        /** The parameters of a reason that name a member: stored empty, filled in when read. */
        static final Set<String> NAMES = Set.of("giver", "receiver", "other");

        /** As stored: ids and codes, no names, no titles. */
        Proposal stored() {
            List<Why> anonymous = why == null ? List.of() : why.stream().map(w -> new Why(w.code(), w.form(),
                    w.params().entrySet().stream().filter(e -> !NAMES.contains(e.getKey()))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                                    (a, b) -> a, java.util.LinkedHashMap::new)))).toList();
            return new Proposal(needListingId, offerListingId, giverId, receiverId, score, List.of(), anonymous, null,
                    null, null, null);
        }

        /** As read: names and titles as they are now, the reasons worded in the reader's language. */
        Proposal worded(Locale language, Shown shown) {
            String giver = shown.name(giverId);
            String receiver = shown.name(receiverId);
            List<Why> named = why == null ? List.of() : why.stream()
                    .map(w -> w.withNames(orFormer(giver, language), orFormer(receiver, language))).toList();
            return new Proposal(needListingId, offerListingId, giverId, receiverId, score,
                    named.stream().map(w -> w.words(language)).toList(), named, shown.title(needListingId),
                    shown.title(offerListingId), receiver, giver);
        }
    }

    /** A member no longer known here (erased) is "a former member" in the reasons' words. */
    static String orFormer(String name, Locale language) {
        return name != null ? name : "fr".equals(language.getLanguage()) ? "un ancien membre" : "a former member";
    }

    /** How a plan's reader sees the members and listings it names, looked up when it is read. */
    interface Shown {
        /** The member's name now; null when not known (not yet, or no longer: erased). */
        String name(String memberId);

        String title(String listingId);
    }

    /** A kept proposal the rules refused when it was sent: its position in the plan and the refusal's code. */
    record Skipped(int proposal, String code, Map<String, Object> params, String detail) {
        static Skipped of(int proposal, Refusal refusal) {
            return new Skipped(proposal, refusal.code(), refusal.params(), refusal.english());
        }

        /** Matching's own refusals worded again in the reader's language; the kit's stay as they were written. */
        Skipped worded(Locale language) {
            return Arrays.stream(MatchingRefusal.values()).filter(r -> r.code().equals(code)).findFirst()
                    .map(reason -> new Skipped(proposal, code, params, new Refusal(reason, params).words(language)))
                    .orElse(this);
        }
    }

    /** A plan as stored and shown. */
    @Document(COLLECTION)
    record PlanDocument(@Id String id, String timebankId, String createdBy, Instant createdAt, Status status,
                        List<Proposal> proposals, long total, long greedyTotal, long millis, List<String> sent,
                        List<Skipped> skipped) {

        /** The plan as its reader reads it: names and titles as of now, reasons and refusals in their language. */
        PlanDocument worded(Locale language, Shown shown) {
            return new PlanDocument(id, timebankId, createdBy, createdAt, status,
                    proposals.stream().map(p -> p.worded(language, shown)).toList(), total, greedyTotal, millis, sent,
                    skipped == null ? List.of() : skipped.stream().map(s -> s.worded(language)).toList());
        }
    }

    PlanDocument run(String timebankId, String coordinatorId) {
        Instant now = Instant.now(clock);
        long started = System.nanoTime();
        Set<String> beingSeenTo = matches.open().stream().filter(m -> m.timebankId().equals(timebankId))
                .map(Match::needListingId).collect(java.util.stream.Collectors.toSet());
        PlanBuilder.Input input = PlanBuilder.build(timebankId, listings.board(),
                id -> profiles.find(timebankId, id).orElse(null), matches::openCount, matches.cap(), perNeed, maxNeeds,
                now, beingSeenTo);
        Planner.Plan plan = Planner.plan(input.needs(), input.offers(), input.allowed(), input.remaining());
        long millis = (System.nanoTime() - started) / 1_000_000;
        long greedy = Planner.greedy(input.needs(), input.offers(), input.allowed(), input.remaining()).total();
        List<Proposal> proposals = plan.pairs().stream().map(pair -> explain(timebankId, input, pair).stored())
                .toList();
        PlanDocument document = new PlanDocument(UUID.randomUUID().toString(), timebankId, coordinatorId, now,
                Status.DRAFT, proposals, plan.total(), greedy, millis, List.of(), List.of());
        mongo.insert(document, COLLECTION);
        drafts.drafted(document);
        return document;
    }

    PlanDocument require(String timebankId, String id) {
        PlanDocument plan = mongo.findById(id, PlanDocument.class, COLLECTION);
        if (plan == null || !plan.timebankId().equals(timebankId)) {
            throw ApiException.notFound("plan", id);
        }
        return plan;
    }

    /** The drafts in brief, from memory: reading them from the store read every plan whole (see {@link PlanDrafts}). */
    List<PlanDrafts.Draft> drafts(String timebankId) {
        return drafts.of(timebankId);
    }

    /**
     * Sends the kept proposals (by their position in the plan; all when {@code keep} is empty).
     * The draft is marked sent first, conditionally, so a plan is never sent twice.
     */
    PlanDocument send(String timebankId, String id, Set<Integer> keep, String coordinatorId) {
        PlanDocument plan = require(timebankId, id);
        for (Integer index : keep) {
            if (index == null || index < 0 || index >= plan.proposals().size()) {
                throw new Refused(MatchingRefusal.NO_SUCH_PROPOSAL.with("last", plan.proposals().size() - 1,
                        "index", index));
            }
        }
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.DRAFT)),
                Update.update("status", Status.SENT), COLLECTION).getModifiedCount() == 0) {
            throw new Refused(MatchingRefusal.PLAN_ALREADY_SENT);
        }
        drafts.sent(id);
        List<String> sent = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < plan.proposals().size(); i++) {
            if (!keep.isEmpty() && !keep.contains(i)) {
                continue;
            }
            Proposal proposal = plan.proposals().get(i);
            try {
                Match match = matches.propose(timebankId, coordinatorId, proposal.needListingId(),
                        proposal.offerListingId(), proposal.giverId(), Match.Via.PLANNER);
                sent.add(match.id());
            } catch (Refused e) {
                skipped.add(Skipped.of(i, e.refusal()));
            } catch (ApiException e) {
                skipped.add(Skipped.of(i, e.refusal()));
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("sent", sent).set("skipped", skipped),
                COLLECTION);
        return require(timebankId, id);
    }

    private Proposal explain(String timebankId, PlanBuilder.Input input, Planner.Pair pair) {
        Listing need = input.listings().get(pair.needListingId());
        Listing offer = input.listings().get(pair.offerListingId());
        Profile receiver = profiles.require(timebankId, need.ownerId());
        Profile giver = profiles.require(timebankId, offer.ownerId());
        // stored as codes, worded when read, so each coordinator reads the plan in their own language
        return new Proposal(need.id(), offer.id(), giver.memberId(), receiver.memberId(), pair.score(), List.of(),
                Scoring.score(need, receiver, offer, giver, matches.openCount(giver.memberId()), Audience.EVERYTHING)
                        .reasons(), null, null, null, null);
    }

    /**
     * Names and titles for a plan's reader in this timebank: from the profiles and the board in memory,
     * a listing no longer on the board from the store; null for a member or listing no longer known.
     */
    Shown shown(String timebankId) {
        return new Shown() {
            @Override
            public String name(String memberId) {
                return profiles.find(timebankId, memberId).map(Profile::displayName).orElse(null);
            }

            @Override
            public String title(String listingId) {
                return listingId == null ? null : listings.board().get(listingId)
                        .or(() -> listings.find(timebankId, listingId)).map(Listing::title).orElse(null);
            }
        };
    }
}
