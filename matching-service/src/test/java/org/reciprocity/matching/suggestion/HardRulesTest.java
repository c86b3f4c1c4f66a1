package org.reciprocity.matching.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.matching.Fixtures.NOW;
import static org.reciprocity.matching.Fixtures.aMember;
import static org.reciprocity.matching.Fixtures.aNeed;
import static org.reciprocity.matching.Fixtures.anOffer;
import static org.reciprocity.matching.Fixtures.listing;
import static org.reciprocity.matching.Fixtures.paused;
import static org.reciprocity.matching.Fixtures.sharing;
import static org.reciprocity.matching.Fixtures.suspended;
import static org.reciprocity.matching.Fixtures.verified;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.kit.problem.Refusal;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileField;
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
        assertThat(check(aNeed("n", sam), sam, anOffer("o", sam), sam, 0, 0)).contains("same-member-on-both-sides");
    }

    @Test
    void neverSuggestsASuspendedGiver() {
        Profile suspendedAli = suspended(ali);
        assertThat(check(aNeed("n", sam), sam, anOffer("o", suspendedAli), suspendedAli, 0, 0))
                .contains("member-suspended");
    }

    @Test
    void neverMatchesASuspendedReceiver() {
        Profile suspendedSam = suspended(sam);
        assertThat(check(aNeed("n", suspendedSam), suspendedSam, anOffer("o", ali), ali, 0, 0))
                .contains("member-suspended");
    }

    @Test
    void neverProposesToAPausedMemberOnEitherSide() {
        Profile pausedAli = paused(ali);
        Profile pausedSam = paused(sam);
        assertThat(check(aNeed("n", sam), sam, anOffer("o", pausedAli), pausedAli, 0, 0)).contains("member-paused");
        assertThat(check(aNeed("n", pausedSam), pausedSam, anOffer("o", ali), ali, 0, 0)).contains("member-paused");
    }

    @Test
    void aNeedAskingForAVerifiedMemberNeverGetsAnUnverifiedOne() {
        Listing need = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(need, sam, anOffer("o", ali), ali, 0, 0)).contains("verified-giver-needed");
        Profile verifiedAli = verified(ali);
        assertThat(check(need, sam, anOffer("o", verifiedAli), verifiedAli, 0, 0)).isEmpty();
    }

    @Test
    void aMemberSuggestedWithoutAnOfferMustAlsoBeVerifiedForSuchANeed() {
        Listing need = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(need, sam, null, ali, 0, 0)).contains("verified-giver-needed");
    }

    @Test
    void anOfferOnlyForVerifiedMembersNeverGoesToAnUnverifiedReceiver() {
        Listing offer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);

        assertThat(check(aNeed("n", sam), sam, offer, ali, 0, 0)).contains("verified-receiver-needed");
    }

    @Test
    void aGiverAtTheCapOfOpenMatchesIsNotProposedMore() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, CAP, 0)).contains("too-many-open-matches");
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, CAP - 1, 0)).isEmpty();
    }

    @Test
    void aReceiverAtTheCapOfOpenMatchesIsNotProposedMore() {
        assertThat(check(aNeed("n", sam), sam, anOffer("o", ali), ali, 0, CAP)).contains("too-many-open-matches");
    }

    @Test
    void onlyOpenListingsCanBeMatched() {
        Listing need = aNeed("n", sam);
        Listing withdrawn = new Listing(need.id(), need.timebankId(), need.ownerId(), need.kind(), need.content(),
                Listing.Status.WITHDRAWN, need.publishedAt(), need.updatedAt(), 1);
        Listing expiredByDate = new Listing(need.id(), need.timebankId(), need.ownerId(), need.kind(), need.content(),
                Listing.Status.OPEN, need.publishedAt(), need.updatedAt(), 1);

        assertThat(check(withdrawn, sam, anOffer("o", ali), ali, 0, 0)).contains("listing-not-open");
        assertThat(HardRules.violation(expiredByDate, sam, anOffer("o", ali), ali, 0, 0, CAP,
                need.content().expiresAt().plusSeconds(1))).isPresent();
    }

    @Test
    void neverMatchesAcrossTimebanks() {
        Profile elsewhere = new Profile("zed", "elsewhere", ali.kind(), "Zed", "en", NOW, false, false, false, Set.of(),
                Set.of(), Set.of(), Set.of(), "M14", Set.of(), Set.of(), 0, 0, Set.of());

        assertThat(check(aNeed("n", sam), sam, null, elsewhere, 0, 0)).contains("not-the-same-timebank");
    }

    @Test
    void theGiverMustOwnTheOfferAndTheReceiverTheNeed() {
        Profile jo = aMember("jo");
        assertThat(check(aNeed("n", sam), sam, anOffer("o", jo), ali, 0, 0)).contains("giver-not-offer-owner");
        assertThat(check(aNeed("n", jo), sam, anOffer("o", ali), ali, 0, 0)).contains("receiver-not-need-owner");
        assertThat(check(anOffer("x", sam), sam, anOffer("o", ali), ali, 0, 0)).contains("receiver-not-need-owner");
    }

    @Test
    void aMemberIsNotToldTheOtherSidesPrivateStateOnlyThatTheyCannotBeMatchedNow() {
        Profile pausedAli = paused(ali);
        Refusal refusal = HardRules.violation(aNeed("n", sam), sam, anOffer("o", pausedAli), pausedAli, 0, 0, CAP, NOW)
                .orElseThrow();

        assertThat(HardRules.toldTo(Audience.member("sam"), refusal, pausedAli, sam).code())
                .isEqualTo("member-not-available");
        assertThat(HardRules.toldTo(Audience.member("ali"), refusal, pausedAli, sam).code()).isEqualTo("member-paused");
        assertThat(HardRules.toldTo(Audience.EVERYTHING, refusal, pausedAli, sam).code()).isEqualTo("member-paused");
    }

    @Test
    void aMemberWhoSharesBeingVerifiedLetsOthersBeToldSo() {
        Listing offer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of(), Mode.IN_PERSON, "M14", Set.of(), true);
        Refusal refusal = HardRules.violation(aNeed("n", sam), sam, offer, ali, 0, 0, CAP, NOW).orElseThrow();

        assertThat(HardRules.toldTo(Audience.member("ali"), refusal, ali, sam).code()).isEqualTo("member-not-available");
        assertThat(HardRules.toldTo(Audience.member("ali"), refusal, ali, sharing(sam, ProfileField.VERIFIED)).code())
                .isEqualTo("verified-receiver-needed");
    }

    /** The code of the refusal, if any. */
    private static Optional<String> check(Listing need, Profile receiver, Listing offer, Profile giver, long giverOpen,
                                          long receiverOpen) {
        return HardRules.violation(need, receiver, offer, giver, giverOpen, receiverOpen, CAP, NOW).map(Refusal::code);
    }
}
