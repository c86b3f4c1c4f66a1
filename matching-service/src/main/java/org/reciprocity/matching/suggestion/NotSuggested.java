package org.reciprocity.matching.suggestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Profile;

/**
 * For a coordinator: the people who would have been candidates for a listing but are not suggested,
 * each with one reason a coordinator can act on (they have paused, the request is for a checked helper,
 * they have as many open matches as they may, the offer does not say it meets the access needs the
 * request states). Pure, like {@link Ranking}; it walks the same candidates, so what it says agrees
 * with what ranking left out. The list is bounded; the total says how many there were.
 */
public final class NotSuggested {

    /** The hard rules a coordinator is told about, by a candidate's name; the others (same member…) are noise. */
    static final Set<MatchingRefusal> TOLD = Set.of(MatchingRefusal.MEMBER_PAUSED, MatchingRefusal.MEMBER_SUSPENDED,
            MatchingRefusal.VERIFIED_GIVER_NEEDED, MatchingRefusal.VERIFIED_RECEIVER_NEEDED,
            MatchingRefusal.TOO_MANY_OPEN_MATCHES);

    /** One person left out: their listing if the candidate was one, a code and the words in the reader's language. */
    public record Candidate(String memberId, String displayName, String listingId, String title, String code,
                            Map<String, Object> params, String reason) {
    }

    /** At most {@code limit} of them, and how many there were in all. */
    public record Found(List<Candidate> candidates, int total) {
    }

    private NotSuggested() {
    }

    /**
     * Who is left out for this listing and why. {@code suggested} are the member ids shown as suggestions:
     * a person shown is not also said to be left out.
     */
    public static Found of(Ranking.Context context, Listing listing, Profile owner, Set<String> suggested, int limit,
                           Locale language) {
        Map<String, Candidate> ruledOut = new LinkedHashMap<>();
        Map<String, Candidate> accessNotMet = new LinkedHashMap<>();
        long ownerOpen = context.openMatches().applyAsLong(owner.memberId());
        Instant now = context.now();
        boolean forNeed = listing.kind() == Listing.Kind.NEED;
        Listing.Kind other = forNeed ? Listing.Kind.OFFER : Listing.Kind.NEED;
        for (Listing candidate : context.board().sharing(listing.timebankId(), other, listing.category(), listing.tags())) {
            Profile them = context.profiles().apply(candidate.ownerId());
            if (them == null || !them.isMember() || suggested.contains(them.memberId())
                    || them.memberId().equals(owner.memberId())) {
                continue;
            }
            long theirOpen = context.openMatches().applyAsLong(them.memberId());
            Listing need = forNeed ? listing : candidate;
            Listing offer = forNeed ? candidate : listing;
            Profile receiver = forNeed ? owner : them;
            Profile giver = forNeed ? them : owner;
            Optional<Refusal> violation = HardRules.violation(need, receiver, offer, giver,
                    forNeed ? theirOpen : ownerOpen, forNeed ? ownerOpen : theirOpen, context.cap(), now);
            if (violation.isPresent()) {
                if (told(violation.get(), them)) {
                    ruledOut.putIfAbsent(them.memberId(), candidate(them, candidate, violation.get(), language));
                }
            } else {
                Set<String> unmet = new TreeSet<>(need.content().accessibility());
                unmet.removeAll(offer.content().accessibility());
                if (!unmet.isEmpty()) {
                    Why why = Why.of(SuggestionReason.ACCESS_MAY_NOT_BE_MET, Why.Form.ABOUT, "giver", giver.name(),
                            "receiver", receiver.name(), "needs", List.copyOf(unmet));
                    accessNotMet.putIfAbsent(them.memberId(), new Candidate(them.memberId(), them.displayName(),
                            candidate.id(), candidate.title(), why.code(), why.params(), why.words(language)));
                }
            }
        }
        if (forNeed) {
            // members with the skill and no offer, as ranking suggests them
            for (Profile giver : context.members().get()) {
                if (ruledOut.containsKey(giver.memberId()) || accessNotMet.containsKey(giver.memberId())
                        || suggested.contains(giver.memberId()) || !hasSkillFor(giver, listing)) {
                    continue;
                }
                HardRules.violation(listing, owner, null, giver, context.openMatches().applyAsLong(giver.memberId()),
                                ownerOpen, context.cap(), now).filter(v -> told(v, giver))
                        .ifPresent(v -> ruledOut.putIfAbsent(giver.memberId(), candidate(giver, null, v, language)));
            }
        }
        accessNotMet.keySet().removeAll(ruledOut.keySet());
        List<Candidate> all = new ArrayList<>(ruledOut.values());
        all.addAll(accessNotMet.values());
        return new Found(all.stream().limit(limit).toList(), all.size());
    }

    /**
     * A rule about the candidate, or one their listing sets (a checked member only). A rule about the listing's
     * owner alone (they have paused, they are at the cap) holds for every candidate: the page says it once.
     */
    private static boolean told(Refusal refusal, Profile candidate) {
        if (!(refusal.reason() instanceof MatchingRefusal reason) || !TOLD.contains(reason)) {
            return false;
        }
        return candidate.memberId().equals(refusal.params().get("memberId"))
                || reason == MatchingRefusal.VERIFIED_GIVER_NEEDED || reason == MatchingRefusal.VERIFIED_RECEIVER_NEEDED;
    }

    private static Candidate candidate(Profile them, Listing listing, Refusal refusal, Locale language) {
        return new Candidate(them.memberId(), them.displayName(), listing == null ? null : listing.id(),
                listing == null ? null : listing.title(), refusal.code(), refusal.params(), refusal.words(language));
    }

    private static boolean hasSkillFor(Profile giver, Listing need) {
        if (giver.skills().contains(need.category())) {
            return true;
        }
        for (String tag : need.tags()) {
            if (giver.tags().contains(tag)) {
                return true;
            }
        }
        return false;
    }
}
