package org.reciprocity.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.contribution.GroupActivityRecorded;
import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.contracts.ledger.ChainVerified;
import org.reciprocity.contracts.ledger.HoursGifted;
import org.reciprocity.contracts.ledger.HoursRedeemed;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;
import org.reciprocity.contracts.timebank.RetentionPolicyChanged;
import org.reciprocity.contracts.timebank.TimebankOpened;

/**
 * One fixed sample of every published event type. Each has a golden JSON file in
 * {@code src/test/resources/golden/<Name>.v<N>.json}; a type without a sample fails the build.
 */
final class EventSamples {

    static final Instant AT = Instant.parse("2026-11-25T09:30:00Z");
    static final String TB = "riverside";
    static final String SAM = "5b0d3c1e-2a4f-4e6b-8c9d-0e1f2a3b4c5d";
    static final String ALI = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    static final String CONTRIBUTION = "c0ffee00-1111-4222-8333-444455556666";

    private EventSamples() {
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    static List<DomainEvent> ledger() {
        return List.of(
                new TimebankOpened(id(1), AT, TB, "Riverside Recovery Timebank", "Europe/London", "admin-1"),
                new RetentionPolicyChanged(id(90), AT, TB, 365, 365, 365, 90, 730, "admin-1"),
                new MemberRegistered(id(2), AT, TB, SAM, MemberKind.SERVICE_USER, "Sam", "sam@example.org", "en",
                        List.of("MEMBER"), "coordinator-1"),
                new MemberSuspended(id(3), AT, TB, SAM, "coordinator-1", "Asked for a break"),
                new MemberReactivated(id(4), AT, TB, SAM, "coordinator-1"),
                new MemberDetailsChanged(id(40), AT, TB, SAM, MemberKind.CARER, "Sam Okafor", "sam@example.org", "fr", 3,
                        "coordinator-1"),
                new ContributionLogged(id(5), AT, TB, CONTRIBUTION, SAM, ALI, LoggedBy.GIVER, SAM, null, ALI, 90,
                        LocalDate.parse("2026-11-24"), CoproductionKind.PEER_SUPPORT, "Walk and talk", null, null,
                        Instant.parse("2026-12-09T09:30:00Z")),
                new ContributionValidated(id(6), AT, TB, CONTRIBUTION, ALI, SAM, ALI, 90, "Thank you, Sam!", null,
                        "t-1"),
                new ContributionDisputed(id(7), AT, TB, CONTRIBUTION, ALI, SAM, ALI, "It was one hour"),
                new ContributionResolved(id(8), AT, TB, CONTRIBUTION, "coordinator-1", SAM, ALI, 90, 60,
                        "Agreed on one hour", null, "t-1"),
                new ContributionRejected(id(9), AT, TB, CONTRIBUTION, "coordinator-1", SAM, ALI, "Did not happen"),
                new ContributionWithdrawn(id(10), AT, TB, CONTRIBUTION, SAM, SAM, ALI),
                new ContributionExpired(id(11), AT, TB, CONTRIBUTION, SAM, ALI),
                new ValidationReminderDue(id(12), AT, TB, CONTRIBUTION, ALI, SAM, ALI, 90,
                        Instant.parse("2026-12-09T09:30:00Z"), 1, false),
                new TransferPosted(id(13), AT, TB, "t-1", ALI, SAM, 90, TransferReason.CONTRIBUTION, -90, 90,
                        CONTRIBUTION, null, 1, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new SoftLimitCrossed(id(14), AT, TB, ALI, -500, -480, -600, "LOW"),
                new GroupActivityRecorded(id(16), AT, TB, "a-1", "org-1", "coordinator-1", "Service design workshop",
                        CoproductionKind.SERVICE_CO_DESIGNED, LocalDate.parse("2026-11-24"), 3, 360),
                new TransferReversed(id(17), AT, TB, "r:t-1", "t-1", "coordinator-1", "Logged twice by mistake", 90),
                new HoursRedeemed(id(18), AT, TB, "t-2", SAM, "org-1", 120, "First-aid course"),
                new HoursGifted(id(19), AT, TB, "t-3", SAM, "pot", 30, "For whoever needs it"),
                new ChainCheckpointed(id(20), AT, TB, 42, "9f2c".repeat(16), AT, "ed25519-3f6a1c2b9d0e4f57",
                        "c2lnbmVkIGJ5IHRoZSBsZWRnZXIncyBrZXksIGZvciB0aGUgZ29sZGVuIGZpbGUgb25seQ=="),
                new ChainVerified(id(41), AT, TB, false, 16, 1, 17L,
                        "its content does not match its hash: it was changed after it was posted", null));
    }

    /** Every sample: the ledger's here, the other services' in their own sample classes. */
    static List<DomainEvent> all() {
        return java.util.stream.Stream.of(ledger(), MatchingEventSamples.all(), NotificationEventSamples.all(),
                        PersonalDataEventSamples.all(),
                        List.<DomainEvent>of(new org.reciprocity.contracts.invitation.MemberInvited(id(301), AT, TB, ALI,
                                "ali@example.org", "fr", "https://sign-in.example.org/welcome/golden-file-sample-not-a-real-token",
                                AT.plus(java.time.Duration.ofDays(7))),
                                new org.reciprocity.contracts.invitation.InvitationWithdrawn(id(302), AT, TB, ALI)))
                .flatMap(List::stream).toList();
    }
}
