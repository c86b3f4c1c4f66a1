package org.reciprocity.matching.coordinator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.Profiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What needs a coordinator's attention: needs still without an agreed match after N days, planner
 * proposals waiting for review, members who have received much and never given, and members with
 * many open matches.
 */
@Service
class CoordinatorQueue {

    private final Listings listings;
    private final Profiles profiles;
    private final Matches matches;
    private final Plans plans;
    private final Clock clock;
    private final Duration needWaits;
    private final long receivedMuchMinutes;
    private final Duration newMember;

    CoordinatorQueue(Listings listings, Profiles profiles, Matches matches, Plans plans, Clock clock,
                     @Value("${reciprocity.matching.queue.need-waits:7d}") Duration needWaits,
                     @Value("${reciprocity.matching.queue.received-much-minutes:300}") long receivedMuchMinutes,
                     @Value("${reciprocity.matching.queue.new-member:30d}") Duration newMember) {
        this.listings = listings;
        this.profiles = profiles;
        this.matches = matches;
        this.plans = plans;
        this.clock = clock;
        this.needWaits = needWaits;
        this.receivedMuchMinutes = receivedMuchMinutes;
        this.newMember = newMember;
    }

    record WaitingNeed(String listingId, String ownerId, String title, Instant publishedAt, long daysWaiting) {
    }

    record WaitingPlan(String planId, Instant createdAt, int proposals, long total, long greedyTotal) {
    }

    record MemberToWatch(String memberId, String displayName, long givenMinutes, long receivedMinutes, long openMatches) {
    }

    /**
     * The first four lists as before; then the portal's parts, each a true count and at most
     * {@code limit} items: open needs with no match at all, proposals waiting for an answer,
     * received much and never gave (counted), gave much and never received, new members who have
     * not filled in their profile.
     */
    record Queue(List<WaitingNeed> needsWithoutAgreedMatch, List<WaitingPlan> plansAwaitingReview,
                 List<MemberToWatch> receivedMuchNeverGiven, List<MemberToWatch> manyOpenMatches,
                 QueueParts.Part<QueueParts.Need> needsWithoutMatch, QueueParts.Part<QueueParts.Proposal> unansweredMatches,
                 QueueParts.Part<QueueParts.Member> receivedMuchGaveNothing,
                 QueueParts.Part<QueueParts.Member> gaveMuchReceivedNothing,
                 QueueParts.Part<QueueParts.Member> newWithoutProfile) {
    }

    Queue of(String timebankId) {
        return of(timebankId, 200);
    }

    Queue of(String timebankId, int limit) {
        return of(timebankId, limit, false);
    }

    /** With {@code newest}, the time-ordered kinds (needs, proposals, newcomers) come newest first. */
    Queue of(String timebankId, int limit, boolean newest) {
        Instant now = Instant.now(clock);
        Set<String> agreed = matches.needsWithAnAgreedMatch(timebankId);
        List<WaitingNeed> needs = listings.board().inTimebank(timebankId, Listing.Kind.NEED)
                .filter(l -> l.isOpen(now) && !l.publishedAt().isAfter(now.minus(needWaits)) && !agreed.contains(l.id()))
                .sorted(Comparator.comparing(Listing::publishedAt))
                .map(l -> new WaitingNeed(l.id(), l.ownerId(), l.title(), l.publishedAt(),
                        Duration.between(l.publishedAt(), now).toDays()))
                .limit(200).toList();
        List<WaitingPlan> waiting = plans.drafts(timebankId).stream()
                .map(p -> new WaitingPlan(p.id(), p.createdAt(), p.proposals(), p.total(), p.greedyTotal()))
                .toList();
        List<Profile> members = profiles.inTimebank(timebankId);
        List<MemberToWatch> receivedMuch = members.stream()
                .filter(p -> p.receivedMinutes() >= receivedMuchMinutes && p.givenMinutes() <= 0)
                .sorted(Comparator.comparingLong(Profile::receivedMinutes).reversed())
                .map(this::watch).limit(200).toList();
        List<MemberToWatch> busy = members.stream()
                .filter(p -> matches.openCount(p.memberId()) >= Math.max(1, matches.cap() - 1))
                .sorted(Comparator.comparingLong((Profile p) -> matches.openCount(p.memberId())).reversed())
                .map(this::watch).limit(200).toList();
        java.util.function.Function<String, String> names = id -> profiles.find(timebankId, id)
                .map(Profile::displayName).orElse(null);
        return new Queue(needs, waiting, receivedMuch, busy,
                QueueParts.needsWithoutMatch(listings.board().inTimebank(timebankId, Listing.Kind.NEED), agreed,
                        matches.open(), names, now, limit, newest),
                QueueParts.unanswered(matches.open(), timebankId, names, limit, newest),
                QueueParts.receivedNeverGave(members, receivedMuchMinutes, limit),
                QueueParts.gaveNeverReceived(members, receivedMuchMinutes, limit),
                QueueParts.newWithoutProfile(members, newMember, now, limit, newest));
    }

    private MemberToWatch watch(Profile p) {
        return new MemberToWatch(p.memberId(), p.displayName(), p.givenMinutes(), p.receivedMinutes(),
                matches.openCount(p.memberId()));
    }
}
