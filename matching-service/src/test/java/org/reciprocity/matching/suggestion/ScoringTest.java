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

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        assertThat(codes(score)).contains(SuggestionReason.OFFERS_WHAT_IS_ASKED, SuggestionReason.SHARED_TAGS,
                SuggestionReason.BOTH_FREE, SuggestionReason.UNDER_1_KM, SuggestionReason.BOTH_SPEAK);
        assertThat(params(score, SuggestionReason.BOTH_FREE)).containsEntry("slots", List.of("TUESDAY_AFTERNOON"));
        assertThat(params(score, SuggestionReason.BOTH_SPEAK)).containsEntry("language", "en");
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
        assertThat(codes(Scoring.score(need, sam, null, withSkills(ali, "befriending"), 0, Audience.EVERYTHING)))
                .contains(SuggestionReason.HAS_SKILLS_ASKED);
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
        assertThat(codes(none)).contains(SuggestionReason.NO_TIME_IN_COMMON);
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
        assertThat(codes(acrossTown)).contains(SuggestionReason.KM_APART);
        assertThat(params(acrossTown, SuggestionReason.KM_APART).get("km")).isInstanceOf(Long.class);
        assertThat(Scoring.score(need, sam, offerFarAway, ali, 0).distance()).isZero();
    }

    @Test
    void remoteHelpIgnoresDistance() {
        Listing remoteNeed = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.REMOTE, null,
                Set.of(), false);
        Profile farAway = livingIn(ali, "BS1");

        Score score = Scoring.score(remoteNeed, sam, null, farAway, 0, Audience.EVERYTHING);
        assertThat(score.distance()).isEqualTo(15);
        assertThat(codes(score)).contains(SuggestionReason.CAN_BE_ONLINE);
    }

    @Test
    void aSharedLanguageCountsAndTheLessCommonOneIsNamed() {
        Score arabic = Scoring.score(need, withLanguages(sam, "ar"), offer, withLanguages(ali, "ar"), 0, Audience.EVERYTHING);
        Score none = Scoring.score(need, speakingOnly(sam, "fr"), offer, speakingOnly(ali, "pl"), 0, Audience.EVERYTHING);

        assertThat(arabic.language()).isEqualTo(10);
        assertThat(params(arabic, SuggestionReason.BOTH_SPEAK)).containsEntry("language", "ar");
        assertThat(none.language()).isZero();
        assertThat(codes(none)).contains(SuggestionReason.NO_LANGUAGE_IN_COMMON);
    }

    @Test
    void theModeMustFitOrItCostsTenPoints() {
        Listing remoteOffer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.REMOTE,
                null, Set.of(), false);

        Score score = Scoring.score(need, sam, remoteOffer, ali, 0, Audience.EVERYTHING);
        assertThat(score.mode()).isZero();
        assertThat(params(score, SuggestionReason.MODE_DIFFERS)).containsEntry("wanted", "IN_PERSON")
                .containsEntry("offered", "REMOTE");
    }

    @Test
    void accessNeedsMetByTheOfferScoreFullAndUnmetOnesScoreNothing() {
        Profile samNeedsStepFree = needing(sam, "step-free");
        Listing stepFreeOffer = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of("step-free"), false);
        Listing stepFreeNeed = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of("step-free"), false);

        Score met = Scoring.score(stepFreeNeed, sam, stepFreeOffer, ali, 0, Audience.EVERYTHING);
        Score unmet = Scoring.score(stepFreeNeed, sam, offer, ali, 0, Audience.EVERYTHING);
        assertThat(met.access()).isEqualTo(10);
        assertThat(params(met, SuggestionReason.ACCESS_MET)).containsEntry("needs", List.of("step-free"));
        assertThat(unmet.access()).isZero();
        assertThat(params(unmet, SuggestionReason.ACCESS_MAY_NOT_BE_MET)).containsEntry("needs", List.of("step-free"));
        assertThat(Scoring.score(need, samNeedsStepFree, offer, ali, 0).access()).isZero();
        assertThat(Scoring.score(need, samNeedsStepFree, null, ali, 0).access()).isEqualTo(5);
    }

    @Test
    void theAccessNeedsOnAProfileCountInTheScoreButAreNeverSaidNotEvenToACoordinator() {
        Profile samNeedsAQuietSpace = needing(sam, "quiet space");

        for (Audience reader : List.of(Audience.EVERYTHING, Audience.member("sam"), Audience.member("ali"))) {
            Score score = Scoring.score(need, samNeedsAQuietSpace, offer, ali, 0, reader);
            assertThat(score.access()).isZero();
            assertThat(score.reasons().toString()).doesNotContain("quiet space");
            assertThat(codes(score)).doesNotContain(SuggestionReason.ACCESS_MAY_NOT_BE_MET, SuggestionReason.ACCESS_MET);
        }
    }

    @Test
    void reciprocityLiftsAGiverWhoHasReceivedMuchAndGivenLittle() {
        Profile receivedMuch = withHistory(ali, 60, 600);
        Profile givenMuch = withHistory(ali, 600, 0);

        Score lifted = Scoring.score(need, sam, offer, receivedMuch, 0, Audience.EVERYTHING);
        assertThat(lifted.reciprocity()).isGreaterThan(Scoring.score(need, sam, offer, ali, 0).reciprocity());
        assertThat(Scoring.score(need, sam, offer, givenMuch, 0).reciprocity()).isLessThan(5);
        assertThat(params(lifted, SuggestionReason.CHANCE_TO_GIVE_BACK)).containsEntry("received", 600L)
                .containsEntry("given", 60L);
    }

    @Test
    void reciprocityLiftsAReceiverWhoHasGivenMuchAndReceivedNone() {
        Profile generousSam = withHistory(sam, 720, 0);

        Score score = Scoring.score(need, generousSam, offer, ali, 0, Audience.EVERYTHING);
        assertThat(score.reciprocity()).isGreaterThan(5);
        assertThat(params(score, SuggestionReason.HAS_GIVEN_MORE)).containsEntry("given", 720L)
                .containsEntry("received", 0L);
    }

    @Test
    void eachOpenMatchOfTheGiverCostsFourPointsSoRequestsSpreadOut() {
        int idle = Scoring.score(need, sam, offer, ali, 0).total();
        Score busy = Scoring.score(need, sam, offer, ali, 2, Audience.EVERYTHING);

        assertThat(busy.total()).isEqualTo(idle - 8);
        assertThat(params(busy, SuggestionReason.OPEN_MATCHES)).containsEntry("open", 2L);
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

        assertThat(codes(toAli)).doesNotContain(SuggestionReason.HAS_GIVEN_MORE, SuggestionReason.ACCESS_MAY_NOT_BE_MET)
                .contains(SuggestionReason.CHANCE_TO_GIVE_BACK, SuggestionReason.OPEN_MATCHES);
        assertThat(toAli.reasons().toString()).doesNotContain("step-free", "720");
        assertThat(toAli.reasons()).allSatisfy(why -> assertThat(why.form()).isEqualTo("giver"));
        assertThat(toAli.total()).isEqualTo(Scoring.score(need, samNeedsStepFree, offer, busyAli, 2).total());
        Score toACoordinator = Scoring.score(need, samNeedsStepFree, offer, busyAli, 2, Audience.EVERYTHING);
        assertThat(codes(toACoordinator)).contains(SuggestionReason.HAS_GIVEN_MORE);
        assertThat(toACoordinator.reasons()).allSatisfy(why -> assertThat(why.form()).isEqualTo("about"));
    }

    @Test
    void aNeedsOwnAccessNeedsAreOnTheBoardAndSaidToAnyone() {
        Listing stepFreeNeed = listing("n", sam, Listing.Kind.NEED, "befriending", Set.of("walking"), Mode.IN_PERSON,
                "M14", Set.of("step-free"), false);

        Score toAli = Scoring.score(stepFreeNeed, needing(sam, "bsl"), offer, ali, 0, Audience.member("ali"));
        assertThat(params(toAli, SuggestionReason.ACCESS_MAY_NOT_BE_MET)).containsEntry("needs", List.of("step-free"));
        assertThat(toAli.reasons().toString()).doesNotContain("bsl");
    }

    @Test
    void freeTimeAndAProfilesDistrictAreSaidOnlyWhenTheOtherMemberSharesThem() {
        Listing offerWithoutDistrict = listing("o", ali, Listing.Kind.OFFER, "befriending", Set.of("walking"), Mode.IN_PERSON,
                null, Set.of(), false);
        Profile aliAcrossTown = livingIn(ali, "M1");

        Score hidden = Scoring.score(need, sam, offerWithoutDistrict, aliAcrossTown, 0, Audience.member("sam"));
        Score shared = Scoring.score(need, sam, offerWithoutDistrict,
                sharing(aliAcrossTown, ProfileField.AVAILABILITY, ProfileField.DISTRICT), 0, Audience.member("sam"));

        assertThat(codes(hidden)).doesNotContain(SuggestionReason.BOTH_FREE, SuggestionReason.KM_APART);
        assertThat(codes(shared)).contains(SuggestionReason.BOTH_FREE, SuggestionReason.KM_APART);
        assertThat(hidden.total()).isEqualTo(shared.total());
    }

    private static Score withoutReasons(Score s) {
        return new Score(s.total(), s.fit(), s.availability(), s.distance(), s.language(), s.mode(), s.access(),
                s.reciprocity(), s.load(), java.util.List.of());
    }

    @Test
    void hoursAreSaidTheWayPeopleSayThem() {
        java.util.ResourceBundle english = ReasonWords.bundle(Locale.ENGLISH);
        assertThat(ReasonWords.minutes(english, 0)).isEqualTo("no time");
        assertThat(ReasonWords.minutes(ReasonWords.bundle(Locale.FRENCH), 0)).isEqualTo("aucun temps");
        assertThat(ReasonWords.minutes(english, 45)).isEqualTo("45 min");
        assertThat(ReasonWords.minutes(english, 720)).isEqualTo("12 h");
        assertThat(ReasonWords.minutes(english, 90)).isEqualTo("1 h 30 min");
    }

    private static List<SuggestionReason> codes(Score score) {
        return score.reasons().stream().map(why -> SuggestionReason.valueOf(why.code().toUpperCase(Locale.ROOT)
                .replace('-', '_'))).toList();
    }

    private static Map<String, Object> params(Score score, SuggestionReason reason) {
        return score.reasons().stream().filter(why -> why.code().equals(reason.code())).findFirst()
                .map(Why::params).orElseThrow(() -> new AssertionError("no " + reason + " in " + score.reasons()));
    }
}
