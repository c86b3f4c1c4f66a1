package org.reciprocity.matching.suggestion;

import java.time.Instant;
import java.util.Optional;

import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileField;

/**
 * The rules no score can outweigh. Suggestions, proposals and the planner all ask here, so a
 * pairing refused in one place is refused in every place.
 */
public final class HardRules {

    private HardRules() {
    }

    /**
     * Why a giver may not help a receiver with this need (and offer), or empty if they may. A
     * refusal about one side names them ({@code member}, {@code memberId}).
     *
     * @param offer        the giver's offer, or {@code null} when a member is proposed without one
     * @param giverOpen    the giver's open (proposed or agreed) matches now
     * @param receiverOpen the receiver's open matches now
     * @param cap          the most open matches a member may have
     */
    public static Optional<Refusal> violation(Listing need, Profile receiver, Listing offer, Profile giver,
                                              long giverOpen, long receiverOpen, int cap, Instant now) {
        if (giver.memberId().equals(receiver.memberId())) {
            return Optional.of(MatchingRefusal.SAME_MEMBER_ON_BOTH_SIDES.refusal());
        }
        if (!giver.isMember() || !receiver.isMember()) {
            return Optional.of(MatchingRefusal.NOT_BOTH_MEMBERS.refusal());
        }
        if (!giver.timebankId().equals(receiver.timebankId()) || !need.timebankId().equals(receiver.timebankId())
                || (offer != null && !offer.timebankId().equals(giver.timebankId()))) {
            return Optional.of(MatchingRefusal.NOT_THE_SAME_TIMEBANK.refusal());
        }
        if (need.kind() != Listing.Kind.NEED || !need.ownerId().equals(receiver.memberId())) {
            return Optional.of(MatchingRefusal.RECEIVER_NOT_NEED_OWNER.refusal());
        }
        if (offer != null && (offer.kind() != Listing.Kind.OFFER || !offer.ownerId().equals(giver.memberId()))) {
            return Optional.of(MatchingRefusal.GIVER_NOT_OFFER_OWNER.refusal());
        }
        for (Profile side : new Profile[] {giver, receiver}) {
            if (side.suspended()) {
                return about(side, MatchingRefusal.MEMBER_SUSPENDED);
            }
            if (side.paused()) {
                return about(side, MatchingRefusal.MEMBER_PAUSED);
            }
        }
        if (need.content().requiresVerified() && !giver.verified()) {
            return about(giver, MatchingRefusal.VERIFIED_GIVER_NEEDED);
        }
        if (offer != null && offer.content().requiresVerified() && !receiver.verified()) {
            return about(receiver, MatchingRefusal.VERIFIED_RECEIVER_NEEDED);
        }
        if (giverOpen >= cap) {
            return about(giver, MatchingRefusal.TOO_MANY_OPEN_MATCHES).map(r -> r.and("open", giverOpen));
        }
        if (receiverOpen >= cap) {
            return about(receiver, MatchingRefusal.TOO_MANY_OPEN_MATCHES).map(r -> r.and("open", receiverOpen));
        }
        if (!need.isOpen(now) || (offer != null && !offer.isOpen(now))) {
            return Optional.of(MatchingRefusal.LISTING_NOT_OPEN.refusal());
        }
        return Optional.empty();
    }

    /**
     * The refusal as this audience may read it: one that would tell a member another member's
     * private state (suspended, paused, not verified, busy) says only that they cannot be matched now.
     */
    public static Refusal toldTo(Audience audience, Refusal refusal, Profile... sides) {
        return toldTo(audience, null, refusal, sides);
    }

    /**
     * Likewise, and a refusal about the reader themself ({@code readerId}, a member proposing) speaks
     * to them: "you have paused", not "Sam has paused".
     */
    public static Refusal toldTo(Audience audience, String readerId, Refusal refusal, Profile... sides) {
        if (readerId != null && readerId.equals(refusal.params().get("memberId"))
                && refusal.reason() instanceof MatchingRefusal reason) {
            MatchingRefusal you = switch (reason) {
                case MEMBER_PAUSED -> MatchingRefusal.YOU_ARE_PAUSED;
                case MEMBER_SUSPENDED -> MatchingRefusal.YOU_ARE_ON_HOLD;
                case VERIFIED_GIVER_NEEDED, VERIFIED_RECEIVER_NEEDED -> MatchingRefusal.YOU_ARE_NOT_CHECKED;
                case TOO_MANY_OPEN_MATCHES -> MatchingRefusal.YOU_HAVE_TOO_MANY_OPEN_MATCHES;
                default -> null;
            };
            if (you != null) {
                return new Refusal(you, refusal.params());
            }
        }
        ProfileField reveals = reveals(refusal);
        if (reveals == null) {
            return refusal;
        }
        for (Profile side : sides) {
            if (side.memberId().equals(refusal.params().get("memberId")) && !audience.sees(side, reveals)) {
                return MatchingRefusal.MEMBER_NOT_AVAILABLE.with("member", side.name(), "memberId", side.memberId());
            }
        }
        return refusal;
    }

    private static ProfileField reveals(Refusal refusal) {
        if (!(refusal.reason() instanceof MatchingRefusal reason)) {
            return null;
        }
        return switch (reason) {
            case MEMBER_SUSPENDED -> ProfileField.SUSPENDED;
            case MEMBER_PAUSED -> ProfileField.PAUSED;
            case VERIFIED_GIVER_NEEDED, VERIFIED_RECEIVER_NEEDED -> ProfileField.VERIFIED;
            case TOO_MANY_OPEN_MATCHES -> ProfileField.OPEN_MATCHES;
            default -> null;
        };
    }

    private static Optional<Refusal> about(Profile side, MatchingRefusal reason) {
        return Optional.of(reason.with("member", side.name(), "memberId", side.memberId()));
    }
}
