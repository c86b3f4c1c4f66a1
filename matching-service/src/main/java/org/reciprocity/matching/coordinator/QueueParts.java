package org.reciprocity.matching.coordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.match.Match;
import org.reciprocity.matching.profile.Profile;

/**
 * The parts of the coordinator's queue the portal shows, each as a true count and its first items:
 * open needs nobody has been matched with yet, proposals still waiting for an answer, members who
 * received much and never gave (and the reverse), and new members who have not filled in their
 * profile. All from what this instance holds in memory (the board, the open matches, the
 * profiles), plus the one read of needs with an agreed or completed match, so the cost is one pass
 * over the timebank's listings and profiles whatever its size. Names are the display names every
 * member sees; nothing a member keeps to themself is here.
 */
final class QueueParts {

    private QueueParts() {
    }

    /** One kind of item: how many there are in all, and the first {@code limit} of them. */
    record Part<T>(long count, List<T> items) {
        static <T> Part<T> of(Stream<T> sorted, int limit) {
            List<T> all = sorted.toList();
            return new Part<>(all.size(), List.copyOf(all.subList(0, Math.min(limit, all.size()))));
        }
    }

    record Need(String listingId, String ownerId, String ownerName, String title, Instant publishedAt) {
    }

    /** A proposal nobody has fully answered: {@code waitingOn} the members whose answer is missing. */
    record Proposal(String matchId, String needListingId, String giverId, String giverName, String receiverId,
                    String receiverName, String activity, Instant proposedAt, Instant expiresAt, List<String> waitingOn) {
    }

    record Member(String memberId, String name, long givenMinutes, long receivedMinutes, Instant registeredAt) {
    }

    /** Open needs with no match at all (proposed, agreed or completed), oldest first. */
    static Part<Need> needsWithoutMatch(Stream<Listing> needs, Set<String> agreedOrDone, Iterable<Match> open,
                                        Function<String, String> names, Instant now, int limit) {
        return needsWithoutMatch(needs, agreedOrDone, open, names, now, limit, false);
    }

    /** The same, newest first when {@code newest}: the first {@code limit} are then the newest ones. */
    static Part<Need> needsWithoutMatch(Stream<Listing> needs, Set<String> agreedOrDone, Iterable<Match> open,
                                        Function<String, String> names, Instant now, int limit, boolean newest) {
        Set<String> matched = new HashSet<>(agreedOrDone);
        open.forEach(m -> matched.add(m.needListingId()));
        return Part.of(needs.filter(l -> l.isOpen(now) && !matched.contains(l.id()))
                .sorted(order(Comparator.comparing(Listing::publishedAt).thenComparing(Listing::id), newest))
                .map(l -> new Need(l.id(), l.ownerId(), names.apply(l.ownerId()), l.title(), l.publishedAt())), limit);
    }

    /** Proposals of this timebank still waiting for one or both answers, oldest first. */
    static Part<Proposal> unanswered(Iterable<Match> open, String timebankId, Function<String, String> names, int limit) {
        return unanswered(open, timebankId, names, limit, false);
    }

    static Part<Proposal> unanswered(Iterable<Match> open, String timebankId, Function<String, String> names, int limit,
                                     boolean newest) {
        List<Match> proposed = new ArrayList<>();
        open.forEach(m -> {
            if (m.status() == Match.Status.PROPOSED && timebankId.equals(m.timebankId())) {
                proposed.add(m);
            }
        });
        return Part.of(proposed.stream().sorted(order(Comparator.comparing(Match::proposedAt).thenComparing(Match::id), newest))
                .map(m -> new Proposal(m.id(), m.needListingId(), m.giverId(), names.apply(m.giverId()), m.receiverId(),
                        names.apply(m.receiverId()), m.activity(), m.proposedAt(), m.expiresAt(), waitingOn(m))), limit);
    }

    /** At least {@code much} minutes received and none given, most received first. */
    static Part<Member> receivedNeverGave(List<Profile> members, long much, int limit) {
        return Part.of(members.stream().filter(p -> p.receivedMinutes() >= much && p.givenMinutes() <= 0)
                .sorted(Comparator.comparingLong(Profile::receivedMinutes).reversed().thenComparing(Profile::memberId))
                .map(QueueParts::member), limit);
    }

    /** At least {@code much} minutes given and none received, most given first. */
    static Part<Member> gaveNeverReceived(List<Profile> members, long much, int limit) {
        return Part.of(members.stream().filter(p -> p.givenMinutes() >= much && p.receivedMinutes() <= 0)
                .sorted(Comparator.comparingLong(Profile::givenMinutes).reversed().thenComparing(Profile::memberId))
                .map(QueueParts::member), limit);
    }

    /**
     * Members registered within {@code recent} who have added nothing to their profile (no skills,
     * words, languages, free times, area or ways to meet), oldest first: someone to welcome.
     */
    static Part<Member> newWithoutProfile(List<Profile> members, Duration recent, Instant now, int limit) {
        return newWithoutProfile(members, recent, now, limit, false);
    }

    static Part<Member> newWithoutProfile(List<Profile> members, Duration recent, Instant now, int limit,
                                          boolean newest) {
        Instant since = now.minus(recent);
        return Part.of(members.stream()
                .filter(p -> !p.suspended() && p.registeredAt() != null && p.registeredAt().isAfter(since) && blank(p))
                .sorted(order(Comparator.comparing(Profile::registeredAt).thenComparing(Profile::memberId), newest))
                .map(QueueParts::member), limit);
    }

    /** Oldest first, or newest first: chosen before the list is cut, so "newest" shows the newest. */
    private static <T> Comparator<T> order(Comparator<T> oldestFirst, boolean newest) {
        return newest ? oldestFirst.reversed() : oldestFirst;
    }

    private static boolean blank(Profile p) {
        return p.skills().isEmpty() && p.tags().isEmpty() && p.languages().isEmpty() && p.availability().isEmpty()
                && (p.district() == null || p.district().isBlank()) && p.modes().isEmpty();
    }

    private static List<String> waitingOn(Match m) {
        List<String> waiting = new ArrayList<>();
        if (m.giverAnswer() == Match.Answer.PENDING) {
            waiting.add(m.giverId());
        }
        if (m.receiverAnswer() == Match.Answer.PENDING) {
            waiting.add(m.receiverId());
        }
        return waiting;
    }

    private static Member member(Profile p) {
        return new Member(p.memberId(), p.displayName(), p.givenMinutes(), p.receivedMinutes(), p.registeredAt());
    }
}
