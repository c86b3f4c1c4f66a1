package org.reciprocity.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.match.MatchAccepted;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.notification.recipient.Recipient;

class NoticesTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    static final String SAM = "sam", ALI = "ali", COORD = "coord", OTHER_COORD = "coord-2";

    @Test
    void aLoggedContributionAsksOnlyThePersonWhoMustConfirmIt() {
        List<Notice> notices = Notices.from(logged(LoggedBy.GIVER, ALI), List.of(COORD));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo(ALI);
            assertThat(n.kind()).isEqualTo(MessageKind.PLEASE_CONFIRM);
            assertThat(n.params()).containsEntry(Notices.OTHER, SAM).containsEntry(Notices.MINUTES, "90");
        });
    }

    @Test
    void whenTheReceiverLogsTheGiverIsAskedAboutTheReceiver() {
        Notice notice = Notices.from(logged(LoggedBy.RECEIVER, SAM), List.of()).get(0);

        assertThat(notice.recipientId()).isEqualTo(SAM);
        assertThat(notice.params()).containsEntry(Notices.OTHER, ALI);
    }

    @Test
    void theLastReminderIsALastCall() {
        ValidationReminderDue last = new ValidationReminderDue(UUID.randomUUID(), NOW, "tb", "c-1", ALI, SAM, ALI, 60,
                NOW.plusSeconds(86_400), 3, true);

        assertThat(Notices.from(last, List.of())).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(MessageKind.LAST_CALL));
    }

    @Test
    void validationThanksTheGiverWithoutQuotingTheValidatorsNote() {
        ContributionValidated validated = new ContributionValidated(UUID.randomUUID(), NOW, "tb", "c-1", ALI, SAM, ALI,
                90, "You made my week", null, "t-1");

        assertThat(Notices.from(validated, List.of(COORD))).singleElement().satisfies(n -> {
            assertThat(n.recipientId()).isEqualTo(SAM);
            assertThat(n.kind()).isEqualTo(MessageKind.THANK_YOU);
            // issue 18: the note stays on the contribution's page; a producer that still sent it is not copied
            assertThat(n.params()).doesNotContainKey(Notices.NOTE).doesNotContainValue("You made my week")
                    .containsEntry(Notices.OTHER, ALI).containsEntry(Notices.PAGE, "/contributions/c-1");
        });
    }

    @Test
    void aDisputeTellsBothSidesAndTheCoordinatorsButNotWhoRaisedItAsCoordinator() {
        ContributionDisputed disputed = new ContributionDisputed(UUID.randomUUID(), NOW, "tb", "c-1", ALI, SAM, ALI,
                "It was one hour");

        List<Notice> notices = Notices.from(disputed, List.of(COORD, ALI));

        assertThat(notices).extracting(Notice::recipientId).containsExactly(SAM, ALI, COORD);
        assertThat(notices.get(0).kind()).isEqualTo(MessageKind.DISPUTE_OPENED);
        assertThat(notices.get(0).aboutTheirOwnHours()).isTrue();
        assertThat(notices.get(2).kind()).isEqualTo(MessageKind.DISPUTE_TO_REVIEW);
        assertThat(notices.get(2).aboutTheirOwnHours()).isFalse();
    }

    @Test
    void theCoordinatorWhoResolvedADisputeIsNotToldAboutIt() {
        ContributionResolved resolved = new ContributionResolved(UUID.randomUUID(), NOW, "tb", "c-1", COORD, SAM, ALI,
                90, 60, "Agreed on an hour", null, "t-1");

        assertThat(Notices.from(resolved, List.of(COORD, OTHER_COORD))).extracting(Notice::recipientId)
                .containsExactly(SAM, ALI, OTHER_COORD);
    }

    @Test
    void anAcceptedMatchTellsTheOtherSide() {
        MatchAccepted accepted = new MatchAccepted(UUID.randomUUID(), NOW, "tb", "m-1", ALI, SAM, ALI);

        assertThat(Notices.from(accepted, List.of())).singleElement()
                .satisfies(n -> assertThat(n.recipientId()).isEqualTo(SAM));
    }

    @Test
    void aYesThatCameWithTheProposalOrCompletedTheMatchTellsNobody() {
        MatchAccepted withTheProposal = new MatchAccepted(UUID.randomUUID(), NOW, "tb", "m-1", ALI, SAM, ALI, ALI, false, "Walks");
        MatchAccepted secondYes = new MatchAccepted(UUID.randomUUID(), NOW, "tb", "m-1", SAM, SAM, ALI, ALI, true, "Walks");

        assertThat(Notices.from(withTheProposal, List.of())).isEmpty();
        assertThat(Notices.from(secondYes, List.of())).as("MatchAgreed tells both").isEmpty();
    }

    @Test
    void aPausedMemberIsToldOnlyWhatTheyMustAnswerOrKnowAboutTheirOwnHours() {
        Recipient paused = new Recipient(SAM, "tb", "Sam", null, "en", List.of("MEMBER", "COORDINATOR"), false, true);
        Notice dispute = Notices.from(new ContributionDisputed(UUID.randomUUID(), NOW, "tb", "c-1", ALI, SAM, ALI, "x"),
                List.of()).get(0);
        Notice reviewAsCoordinator = Notices.from(new ContributionDisputed(UUID.randomUUID(), NOW, "tb", "c-2", "x", "y",
                "z", "x"), List.of(SAM)).get(2);
        Notice thanks = Notices.from(new ContributionValidated(UUID.randomUUID(), NOW, "tb", "c-1", ALI, SAM, ALI, 30,
                null, null, "t"), List.of()).get(0);

        Notice toConfirm = Notices.from(logged(LoggedBy.GIVER, ALI), List.of()).get(0);
        Recipient pausedAli = new Recipient(ALI, "tb", "Ali", null, "en", List.of("MEMBER"), false, true);

        assertThat(toConfirm.mayReach(pausedAli)).as("asked to confirm time logged with them").isTrue();
        assertThat(dispute.mayReach(paused)).isTrue();
        assertThat(reviewAsCoordinator.mayReach(paused)).isFalse();
        assertThat(thanks.mayReach(paused)).isFalse();
    }

    @Test
    void eachChannelOfANoticeHasItsOwnDeliveryKey() {
        Notice notice = Notices.from(logged(LoggedBy.GIVER, ALI), List.of()).get(0);

        assertThat(notice.deliveryId("EMAIL")).isEqualTo(notice.sourceEventId() + ":ali:EMAIL");
        assertThat(notice.deliveryId("INBOX")).isNotEqualTo(notice.deliveryId("EMAIL"));
    }

    @Test
    void aBalanceCloseToTheLimitIsToldToTheMemberAndToTheCoordinators() {
        SoftLimitCrossed crossed = new SoftLimitCrossed(UUID.randomUUID(), NOW, "tb", SAM, -540, -540, -600, "LOW");

        List<Notice> notices = Notices.from(crossed, List.of(COORD, OTHER_COORD));

        assertThat(notices).extracting(Notice::recipientId).containsExactly(SAM, COORD, OTHER_COORD);
        assertThat(notices.get(0).kind()).isEqualTo(MessageKind.BALANCE_NEAR_LIMIT);
        assertThat(notices.get(0).params()).containsEntry(Notices.DIRECTION, "LOW");
        assertThat(notices.get(1).kind()).isEqualTo(MessageKind.BALANCE_NEAR_LIMIT_TO_REVIEW);
        assertThat(notices.get(1).params()).containsEntry(Notices.OTHER, SAM).containsEntry(Notices.DIRECTION, "LOW");
    }

    @Test
    void aCoordinatorWhoseOwnBalanceIsCloseToTheLimitGetsTheMembersMessageOnly() {
        SoftLimitCrossed crossed = new SoftLimitCrossed(UUID.randomUUID(), NOW, "tb", COORD, 540, 540, 600, "HIGH");

        assertThat(Notices.from(crossed, List.of(COORD))).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(MessageKind.BALANCE_NEAR_LIMIT));
    }

    @Test
    void anOrganisationsBalanceWarningReachesOnlyTheCoordinators() {
        SoftLimitCrossed crossed = new SoftLimitCrossed(UUID.randomUUID(), NOW, "tb", "org-pot", -540, -540, -600, "LOW");

        List<Notice> notices = Notices.from(crossed, List.of(COORD));

        // nobody is registered here under the organisation's account id
        assertThat(notices).filteredOn(n -> n.mayReach(null)).extracting(Notice::recipientId).containsExactly(COORD);
    }

    @Test
    void aRegistrationAloneTellsNobodyTheWelcomeWaitsForTheDetails() {
        MemberRegistered registered = new MemberRegistered(UUID.randomUUID(), NOW, "tb", SAM, null, null, null, null,
                null, COORD);

        assertThat(Notices.from(registered, List.of(COORD))).isEmpty();
        Notice welcome = Notices.welcome(registered.eventId().toString(), NOW, "tb", SAM);
        assertThat(welcome.deliveryId("EMAIL")).as("keyed by the registration: decided twice, delivered once")
                .isEqualTo(registered.eventId() + ":sam:EMAIL");
        assertThat(welcome.kind()).isEqualTo(MessageKind.WELCOME);
    }

    @Test
    void anErasedMemberIsTakenOutOfAnotherMembersMessageAndOldFreeTextGoes() {
        Map<String, String> stored = Map.of(Notices.OTHER, SAM, Notices.SECOND, ALI, Notices.NOTE, "Thanks Sam",
                Notices.REASON, "Sam was late", Notices.ACTIVITY, "Walk with Sam", Notices.MINUTES, "60",
                Notices.ITEM + 0, "WAITING|sam|ali|60|2026-11-20T10:00:00Z", Notices.ITEM + 1, "DISPUTE|ali|noor|30|");

        Map<String, String> kept = Notices.withoutMember(stored, SAM);

        assertThat(kept).containsEntry(Notices.OTHER, Notices.ERASED).containsEntry(Notices.SECOND, ALI)
                .containsEntry(Notices.MINUTES, "60").doesNotContainKeys(Notices.NOTE, Notices.REASON, Notices.ACTIVITY)
                .containsEntry(Notices.ITEM + 0, "WAITING|erased|ali|60|2026-11-20T10:00:00Z")
                .containsEntry(Notices.ITEM + 1, "DISPUTE|ali|noor|30|");
        assertThat(Notices.mentioned(kept)).doesNotContain(SAM);
        assertThat(Notices.withoutMember(kept, SAM)).as("done twice: nothing more changes").isEqualTo(kept);
    }

    private static ContributionLogged logged(LoggedBy side, String awaiting) {
        return new ContributionLogged(UUID.randomUUID(), NOW, "tb", "c-1", SAM, ALI, side, SAM, null, awaiting, 90,
                LocalDate.parse("2026-11-24"), CoproductionKind.PEER_SUPPORT, "Walk", null, null, NOW.plusSeconds(3600));
    }
}
