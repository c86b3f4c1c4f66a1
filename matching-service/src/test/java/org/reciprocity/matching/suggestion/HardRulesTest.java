package org.reciprocity.matching.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.matching.Fixtures.NOW;
import static org.reciprocity.matching.Fixtures.aMember;
import static org.reciprocity.matching.Fixtures.aNeed;
import static org.reciprocity.matching.Fixtures.anOffer;
import static org.reciprocity.matching.Fixtures.listing;
import static org.reciprocity.matching.Fixtures.paused;
import static org.reciprocity.matching.Fixtures.suspended;
import static org.reciprocity.matching.Fixtures.verified;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.vocabulary.Mode;

class HardRulesTest {

    static final int CAP = 3;
    Profile sam = aMember("sam");
    Profile ali = aMember("ali");

    @Test
    void allowsTwoAvailableMembersWithOpenListings() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, 0, 0)).isEmpty();
    }

    @Test
    void neverMatchesAMemberWithThemselves() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", sam), sam, 0, 0)).contains("Nobody is matched with themselves.");
    }

    @Test
    void neverSuggestsASuspendedGiver() {
        Profile suspendedAli = suspended(ali);
        assertThat(check(aNeed("n", sam), sam, anOffer("o", suspendedAli), suspendedAli, 0, 0).orElseThrow())
                .contains("suspended");
    }

    @Test
    void neverMatchesASuspendedReceiver() {
        Profile suspendedSam = suspended(sam);
        assertThat(check(aNeed("n", suspendedSam), suspendedSam, anOffer("o", ali), ali, 0, 0).orElseThrow())
                .contains("suspended");
    }

    @Test
    void neverProposesToAPausedMemberOnEitherSide() {
        Profile pausedAli = paused(ali);
        Profile pausedSam = paused(sam);
        assertThat(check(aNeed("n", sam), sam, anOffer("o", pausedAli), pausedAli, 0, 0).orElseThrow()).contains("paused");
        assertThat(check(aNeed("n", pausedSam), pausedSam, anOffer("o", ali), ali, 0, 0).orElseThrow()).contains("paused");
    }

    @Test
    void aNeedAskingForAVerifiedMemberNeverGetsAnUnverifiedOne() {
        Listing need = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(need, sam, anOffer("o", ali), ali, 0, 0).orElseThrow()).contains("verified");
        Profile verifiedAli = verified(ali);
        assertThat(check(need, sam, anOffer("o", verifiedAli), verifiedAli, 0, 0)).isEmpty();
    }

    @Test
    void aMemberSuggestedWithoutAnOfferMustAlsoBeVerifiedForSuchANeed() {
        Listing need = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(need, sam, null, ali, 0, 0).orElseThrow()).contains("verified");
    }

    @Test
    void anOfferOnlyForVerifiedMembersNeverGoesToAnUnverifiedReceiver() {
        Listing offer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(aNeed("n", sam), sam, offer, ali, 0, 0).orElseThrow()).contains("verified");
    }

    @Test
    void aGiverAtTheCapOfOpenMatchesIsNotProposedMore() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, CAP, 0).orElseThrow()).contains("open matches");
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, CAP - 1, 0)).isEmpty();
    }

    @Test
    void aReceiverAtTheCapOfOpenMatchesIsNotProposedMore() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, 0, CAP).orElseThrow()).contains("open matches");
    }

    @Test
    void onlyOpenListingsCanBeMatched() {
        Listing need = aNeed("n", sam);
        Listing withdrawn = new Listing(need.id(), need.timebankId(), need.ownerId(), need.kind(), need.content(),
                Listing.Status.WITHDRAWN, need.publishedAt(), need.updatedAt(), 1);
        Listing expiredByDate = new Listing(need.id(), need.timebankId(), need.ownerId(), need.kind(), need.content(),
                Listing.Status.OPEN, need.publishedAt(), need.updatedAt(), 1);

        assertThat(check(withdrawn, sam, anOffer("o", ali), ali, 0, 0)).isPresent();
        assertThat(HardRules.violation(expiredByDate, sam, anOffer("o", ali), ali, 0, 0, CAP,
                need.content().expiresAt().plusSeconds(1))).isPresent();
    }

    @Test
    void neverMatchesAcrossTimebanks() {
        Profile elsewhere = new Profile("zed", "elsewhere", ali.kind(), "Zed", "en", NOW, false, false, false, Set.of(),
                Set.of(), Set.of(), Set.of(), "M14", Set.of(), Set.of(), 0, 0);

        assertThat(check(aNeed("n", sam), sam, null, elsewhere, 0, 0)).isPresent();
    }

    @Test
    void theGiverMustOwnTheOfferAndTheReceiverTheNeed() {
        Profile jo = aMember("jo");
        assertThat(check(aNeed("n", sam), sam, anOffer("o", jo), ali, 0, 0)).isPresent();
        assertThat(check(aNeed("n", jo), sam, anOffer("o", ali), ali, 0, 0)).isPresent();
        assertThat(check(anOffer("x", sam), sam, anOffer("o", ali), ali, 0, 0)).isPresent();
    }

    private static Optional<String> check(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen,
                                          long receiverOpen) {
        return HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, CAP, NOW);
    }
}
