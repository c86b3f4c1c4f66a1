package org.reciprocity.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.contribution.ValidationReminderDue;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.timebank.TimebankOpened;

/** Events of one fresh timebank, in plain words. */
final class Scenario {

    final String timebank = "tb-" + UUID.randomUUID().toString().substring(0, 8);

    TimebankOpened opened(String zone) {
        return new TimebankOpened(UUID.randomUUID(), Instant.now(), timebank, "Riverside", zone, "admin-1");
    }

    MemberRegistered member(String name, String language, String... roles) {
        String id = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new MemberRegistered(UUID.randomUUID(), Instant.now(), timebank, id, MemberKind.NEIGHBOUR, name,
                id + "@example.org", language, roles.length == 0 ? null : List.of(roles), "coordinator-1");
    }

    /** {@code giver} logged 90 minutes given to {@code receiver}, who is asked to confirm. */
    ContributionLogged logged(MemberRegistered giver, MemberRegistered receiver) {
        return new ContributionLogged(UUID.randomUUID(), Instant.now(), timebank, "c-" + UUID.randomUUID(),
                giver.memberId(), receiver.memberId(), LoggedBy.GIVER, giver.memberId(), null, receiver.memberId(), 90,
                LocalDate.parse("2026-11-24"), CoproductionKind.PEER_SUPPORT, "Walk and talk", null, null,
                Instant.parse("2026-12-09T09:30:00Z"));
    }

    /** Like {@link #logged}, but logged at {@code when}. */
    ContributionLogged loggedAt(MemberRegistered giver, MemberRegistered receiver, Instant when) {
        ContributionLogged l = logged(giver, receiver);
        return new ContributionLogged(l.eventId(), when, l.timebankId(), l.contributionId(), l.giverAccountId(),
                l.receiverAccountId(), l.side(), l.actorId(), l.onBehalfOf(), l.awaitingValidationBy(), l.minutes(),
                l.happenedOn(), l.kind(), l.description(), l.matchId(), l.groupActivityId(), l.validationDeadline());
    }

    /** The receiver says the logged time is not right. */
    ContributionDisputed disputed(ContributionLogged logged, Instant when) {
        return new ContributionDisputed(UUID.randomUUID(), when, timebank, logged.contributionId(),
                logged.receiverAccountId(), logged.giverAccountId(), logged.receiverAccountId(), "It was shorter");
    }

    /** A validated contribution's transfer: {@code receiver} debited, {@code giver} credited, with both balances after. */
    TransferPosted transfer(long sequence, Instant when, MemberRegistered receiver, MemberRegistered giver, long minutes,
            long receiverAfter, long giverAfter) {
        return new TransferPosted(UUID.randomUUID(), when, timebank, "c:" + sequence + "-" + timebank,
                receiver.memberId(), giver.memberId(), minutes, TransferReason.CONTRIBUTION, receiverAfter, giverAfter,
                "c-" + sequence, null, sequence, "hash-" + sequence);
    }

    SoftLimitCrossed nearTheLowestBalance(MemberRegistered member) {
        return new SoftLimitCrossed(UUID.randomUUID(), Instant.now(), timebank, member.memberId(), -540, -540, -600, "LOW");
    }

    ValidationReminderDue reminder(ContributionLogged logged) {
        return new ValidationReminderDue(UUID.randomUUID(), Instant.now(), timebank, logged.contributionId(),
                logged.awaitingValidationBy(), logged.giverAccountId(), logged.receiverAccountId(), logged.minutes(),
                logged.validationDeadline(), 1, false);
    }

    ContributionValidated validated(ContributionLogged logged, String note) {
        return new ContributionValidated(UUID.randomUUID(), Instant.now(), timebank, logged.contributionId(),
                logged.receiverAccountId(), logged.giverAccountId(), logged.receiverAccountId(), logged.minutes(), note,
                null, "t-" + UUID.randomUUID());
    }
}
