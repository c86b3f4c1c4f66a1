package org.reciprocity.matching.suggestion;

import java.time.Instant;
import java.util.Optional;

import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Profile;

/**
 * The rules no score can outweigh. Suggestions, proposals and the planner all ask here, so a
 * pairing refused in one place is refused in every place.
 */
public final class HardRules {

    private HardRules() {
    }

    /**
     * Why a giver may not help a receiver with this need (and offer), or empty if they may.
     *
     * @param offer        the giver's offer, or {@code null} when a member is proposed without one
     * @param giverOpen    the giver's open (proposed or agreed) matches now
     * @param receiverOpen the receiver's open matches now
     * @param cap          the most open matches a member may have
     */
    public static Optional<String> violation(Listing need, Profile receiver, Listing offer, Profile giver,
                                             long giverOpen, long receiverOpen, int cap, Instant now) {
        if (giver.memberId().equals(receiver.memberId())) {
            return Optional.of("Nobody is matched with themselves.");
        }
        if (!giver.isMember() || !receiver.isMember()) {
            return Optional.of("Both sides must be members of the timebank.");
        }
        if (!giver.timebankId().equals(receiver.timebankId()) || !need.timebankId().equals(receiver.timebankId())
                || (offer != null && !offer.timebankId().equals(giver.timebankId()))) {
            return Optional.of("Both sides must be in the same timebank.");
        }
        if (need.kind() != Listing.Kind.NEED || !need.ownerId().equals(receiver.memberId())) {
            return Optional.of("The receiver must be the owner of a need.");
        }
        if (offer != null && (offer.kind() != Listing.Kind.OFFER || !offer.ownerId().equals(giver.memberId()))) {
            return Optional.of("The giver must be the owner of the offer.");
        }
        for (Profile side : new Profile[] {giver, receiver}) {
            if (side.suspended()) {
                return Optional.of(side.name() + " is suspended and cannot be matched.");
            }
            if (side.paused()) {
                return Optional.of(side.name() + " has paused and is not proposed to anyone until they come back.");
            }
        }
        if (need.content().requiresVerified() && !giver.verified()) {
            return Optional.of("This need asks for a verified member, and " + giver.name() + " is not verified.");
        }
        if (offer != null && offer.content().requiresVerified() && !receiver.verified()) {
            return Optional.of("This offer is only for verified members, and " + receiver.name() + " is not verified.");
        }
        if (giverOpen >= cap) {
            return Optional.of(giver.name() + " already has " + giverOpen + " open matches, the most allowed.");
        }
        if (receiverOpen >= cap) {
            return Optional.of(receiver.name() + " already has " + receiverOpen + " open matches, the most allowed.");
        }
        if (!need.isOpen(now) || (offer != null && !offer.isOpen(now))) {
            return Optional.of("Only open listings can be matched.");
        }
        return Optional.empty();
    }
}
