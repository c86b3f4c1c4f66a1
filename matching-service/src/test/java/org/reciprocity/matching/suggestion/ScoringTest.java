package org.reciprocity.matching.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.matching.Fixtures.aMember;
import static org.reciprocity.matching.Fixtures.aNeed;
import static org.reciprocity.matching.Fixtures.anOffer;
import static org.reciprocity.matching.Fixtures.freeOn;
import static org.reciprocity.matching.Fixtures.listing;
import static org.reciprocity.matching.Fixtures.livingIn;
import static org.reciprocity.matching.Fixtures.needing;
import static org.reciprocity.matching.Fixtures.sharing;
import static org.reciprocity.matching.Fixtures.speakingOnly;
import static org.reciprocity.matching.Fixtures.withHistory;
import static org.reciprocity.matching.Fixtures.withLanguages;
import static org.reciprocity.matching.Fixtures.withSkills;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Audience;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileField;
import org.reciprocity.matching.vocabulary.Mode;

class ScoringTest {

    Profile sam = aMember("sam");
    Profile ali = aMember("ali");
    Listing need = aNeed("n", sam);
    Listing offer = anOffer("o", ali);

    @Test
    void aPerfectNeighbourScoresTheMostAndSaysWhy() {
        Score score = Scoring.score(need, sam, offer, ali, 0, Audience.EVERYTHING);

        assertThat(score.total()).isEqualTo(30 + 10 + 15 + 10 + 10 + 10 + 5);
        assertThat(score.reasons()).contains("offers befriending, as asked", "shares the tag walking",
                "both free Tuesday afternoons", "under 1 km apart", "both speak English");
    }

    @Test
    void skillFitCountsTheCategoryAndTheShareOfTheNeedsTags() {
        Listing twoTags = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking", "arabic"), Mode.IN_PERSON,
                "M14", Set.of(), false);
        Listing otherCategory = listing("o", ali, Listing.Kind.OFFER, "gardening", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of(), false);

        assertThat(Scoring.score(twoTags, sam, offer, ali, 0).fit()).isEqualTo(20 + 5);
        assertThat(Scoring.score(need, sam, otherCategory, ali, 0).fit()).isEqualTo(10);
    }

    @Test
    void aMemberWithoutAnOfferFitsByTheSkillsOnTheirProfile() {
        assertThat(Scoring.score(need, sam, null, withSkills(ali, "befriending"), 0, Audience.EVERYTHING).reasons())
                .contains("has skills in befriending, as asked");
        assertThat(Scoring.score(need, sam, null, ali, 0).fit()).isZero();
    }

    @Test
    void availabilityRewardsSharedFreeSlotsAndSaysWhenThereAreNone() {
        Profile twoSlots = freeOn(ali, "TUESDAY_AFTERNOON", "FRIDAY_MORNING");
        Profile samTwo = freeOn(sam, "TUESDAY_AFTERNOON", "FRIDAY_MORNING");
        Profile never = freeOn(ali, "SUNDAY_EVENING");

        assertThat(Scoring.score(need, samTwo, offer, twoSlots, 0).availability()).isEqualTo(15);
        assertThat(Scoring.score(need, sam, offer, ali, 0).availability()).isEqualTo(10);
        Score none = Scoring.score(need, sam, offer, never, 0, Audience.EVERYTHING);
        assertThat(none.availability()).isZero();
        assertThat(none.reasons()).contains("no free time in common");
    }

    @Test
    void distanceIsFullWithinTwoKilometresAndFadesToNothingAtTwenty() {
        Listing offerFarAway = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "SE1", Set.of(), false);
        Listing offerNextDoor = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M13", Set.of(), false);
        Listing offerAcrossTown = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M22", Set.of(), false);

        assertThat(Scoring.score(need, sam, offerNextDoor, ali, 0).distance()).isEqualTo(15);
        Score acrossTown = Scoring.score(need, sam, offerAcrossTown, ali, 0, Audience.EVERYTHING);
        assertThat(acrossTown.distance()).isBetween(1, 14);
        assertThat(acrossTown.reasons()).anyMatch(r -> r.matches("\\d+ km apart"));
        assertThat(Scoring.score(need, sam, offerFarAway, ali, 0).distance()).isZero();
    }

    @Test
    void remoteHelpIgnoresDistance() {
        Listing remoteNeed = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.REMOTE, null,
                Set.of(), false);
        Profile farAway = livingIn(ali, "BS1");

        Score score = Scoring.score(remoteNeed, sam, null, farAway, 0, Audience.EVERYTHING);
        assertThat(score.distance()).isEqualTo(15);
        assertThat(score.reasons()).contains("can be done remotely");
    }

    @Test
    void aSharedLanguageCountsAndTheLessCommonOneIsNamed() {
        Score arabic = Scoring.score(need, withLanguages(sam, "ar"), offer, withLanguages(ali, "ar"), 0, Audience.EVERYTHING);
        Score none = Scoring.score(need, speakingOnly(sam, "fr"), offer, speakingOnly(ali, "pl"), 0, Audience.EVERYTHING);

        assertThat(arabic.language()).isEqualTo(10);
        assertThat(arabic.reasons()).contains("both speak Arabic");
        assertThat(none.language()).isZero();
        assertThat(none.reasons()).contains("no language in common");
    }

    @Test
    void theModeMustFitOrItCostsTenPoints() {
        Listing remoteOffer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.REMOTE,
                null, Set.of(), false);

        Score score = Scoring.score(need, sam, remoteOffer, ali, 0, Audience.EVERYTHING);
        assertThat(score.mode()).isZero();
        assertThat(score.reasons()).contains("wants help in person, offered remotely");
    }

    @Test
    void accessNeedsMetByTheOfferScoreFullAndUnmetOnesScoreNothing() {
        Profile samNeedsStepFree = needing(sam, "step-free");
        Listing stepFreeOffer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of("step-free"), false);

        Score met = Scoring.score(need, samNeedsStepFree, stepFreeOffer, ali, 0, Audience.EVERYTHING);
        Score unmet = Scoring.score(need, samNeedsStepFree, offer, ali, 0, Audience.EVERYTHING);
        assertThat(met.access()).isEqualTo(10);
        assertThat(met.reasons()).contains("meets the access needs: step-free");
        assertThat(unmet.access()).isZero();
        assertThat(unmet.reasons()).contains("may not meet the access needs: step-free");
        assertThat(Scoring.score(need, samNeedsStepFree, null, ali, 0).access()).isEqualTo(5);
    }

    @Test
    void reciprocityLiftsAGiverWhoHasReceivedMuchAndGivenLittle() {
        Profile receivedMuch = withHistory(ali, 60, 600);
        Profile givenMuch = withHistory(ali, 600, 0);

        Score lifted = Scoring.score(need, sam, offer, receivedMuch, 0, Audience.EVERYTHING);
        assertThat(lifted.reciprocity()).isGreaterThan(Scoring.score(need, sam, offer, ali, 0).reciprocity());
        assertThat(Scoring.score(need, sam, offer, givenMuch, 0).reciprocity()).isLessThan(5);
        assertThat(lifted.reasons()).contains("Ali has received 10 h and given 1 h: a chance to give back");
    }

    @Test
    void reciprocityLiftsAReceiverWhoHasGivenMuchAndReceivedNone() {
        Profile generousSam = withHistory(sam, 720, 0);

        Score score = Scoring.score(need, generousSam, offer, ali, 0, Audience.EVERYTHING);
        assertThat(score.reciprocity()).isGreaterThan(5);
        assertThat(score.reasons()).contains("Sam has given 12 h and received none");
    }

    @Test
    void eachOpenMatchOfTheGiverCostsFourPointsSoRequestsSpreadOut() {
        int idle = Scoring.score(need, sam, offer, ali, 0).total();
        Score busy = Scoring.score(need, sam, offer, ali, 2, Audience.EVERYTHING);

        assertThat(busy.total()).isEqualTo(idle - 8);
        assertThat(busy.reasons()).contains("Ali already has 2 open matches");
    }

    @Test
    void theScoreStaysBetweenZeroAndAHundred() {
        Listing nothingInCommon = listing("o", ali, Listing.Kind.OFFER, "gardening", Set.of(), Mode.REMOTE, null,
                Set.of(), false);
        Score worst = Scoring.score(need, needing(speakingOnly(sam, "fr"), "bsl"), nothingInCommon,
                withHistory(freeOn(speakingOnly(ali, "pl"), "SUNDAY_EVENING"), 6000, 0), 3);

        assertThat(worst.total()).isBetween(0, 100);
        assertThat(Scoring.score(need, withHistory(sam, 6000, 0), offer, withHistory(ali, 0, 6000), 0).total())
                .isLessThanOrEqualTo(100);
    }

    @Test
    void theQuickPathWithoutWordsGivesTheSameScoresAsTheExplainedOne() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Profile> members = org.reciprocity.matching.bench.MatchingBenchmark.members(random, 200);
        java.util.List<Listing> board = org.reciprocity.matching.bench.MatchingBenchmark.listings(random, members, 400);
        java.util.Map<String, Profile> byId = new java.util.HashMap<>();
        members.forEach(m -> byId.put(m.memberId(), m));
        for (Listing n : board.stream().filter(l -> l.kind() == Listing.Kind.NEED).toList()) {
            for (Listing o : board.stream().filter(l -> l.kind() == Listing.Kind.OFFER).limit(50).toList()) {
                Profile receiver = byId.get(n.ownerId());
                Profile giver = byId.get(o.ownerId());
                assertThat(Scoring.score(n, receiver, o, giver, 1))
                        .isEqualTo(withoutReasons(Scoring.score(n, receiver, o, giver, 1, Audience.EVERYTHING)));
                assertThat(Scoring.score(n, receiver, null, giver, 0))
                        .isEqualTo(withoutReasons(Scoring.score(n, receiver, null, giver, 0, Audience.EVERYTHING)));
            }
        }
    }

    @Test
    void aMembersReasonsDoNotTellAnotherMembersAccessNeedsMinutesOrOpenMatches() {
        Profile samNeedsStepFree = withHistory(needing(sam, "step-free"), 720, 0);
        Profile busyAli = withHistory(ali, 60, 600);
        Audience aliReads = Audience.member("ali");

        Score toAli = Scoring.score(need, samNeedsStepFree, offer, busyAli, 2, aliReads);

        assertThat(String.join("; ", toAli.reasons())).doesNotContain("step-free", "Sam has given", "12 h")
                .contains("Ali has received 10 h", "Ali already has 2 open matches");
        assertThat(toAli.total()).isEqualTo(Scoring.score(need, samNeedsStepFree, offer, busyAli, 2).total());
        assertThat(Scoring.score(need, samNeedsStepFree, offer, busyAli, 2, Audience.EVERYTHING).reasons())
                .contains("may not meet the access needs: step-free", "Sam has given 12 h and received none");
    }

    @Test
    void aNeedsOwnAccessNeedsAreOnTheBoardAndSaidToAnyone() {
        Listing stepFreeNeed = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of("step-free"), false);

        assertThat(Scoring.score(stepFreeNeed, needing(sam, "bsl"), offer, ali, 0, Audience.member("ali")).reasons())
                .contains("may not meet the access needs: step-free").noneMatch(reason -> reason.contains("bsl"));
    }

    @Test
    void freeTimeAndAProfilesDistrictAreSaidOnlyWhenTheOtherMemberSharesThem() {
        Listing offerWithoutDistrict = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                null, Set.of(), false);
        Profile aliAcrossTown = livingIn(ali, "M1");

        Score hidden = Scoring.score(need, sam, offerWithoutDistrict, aliAcrossTown, 0, Audience.member("sam"));
        Score shared = Scoring.score(need, sam, offerWithoutDistrict,
                sharing(aliAcrossTown, ProfileField.AVAILABILITY, ProfileField.DISTRICT), 0, Audience.member("sam"));

        assertThat(String.join("; ", hidden.reasons())).doesNotContain("both free", "km apart");
        assertThat(String.join("; ", shared.reasons())).contains("both free Tuesday afternoons", "km apart");
        assertThat(hidden.total()).isEqualTo(shared.total());
    }

    private static Score withoutReasons(Score s) {
        return new Score(s.total(), s.fit(), s.availability(), s.distance(), s.language(), s.mode(), s.access(),
                s.reciprocity(), s.load(), java.util.List.of());
    }

    @Test
    void hoursAreSaidTheWayPeopleSayThem() {
        assertThat(Scoring.hours(0)).isEqualTo("none");
        assertThat(Scoring.hours(45)).isEqualTo("45 min");
        assertThat(Scoring.hours(720)).isEqualTo("12 h");
        assertThat(Scoring.hours(90)).isEqualTo("1 h 30 min");
    }
}
