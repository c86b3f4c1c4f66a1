package org.reciprocity.contracts.contribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * Someone logged time given or received; it now waits for the other side to validate it.
 *
 * @param giverAccountId      the account that gave the time (a member)
 * @param receiverAccountId   the account that received it (a member or an organisation)
 * @param side                which side logged it
 * @param actorId             who actually made the entry (the member, their supporter or a coordinator)
 * @param onBehalfOf          the member the actor logged for, when not themself; else {@code null}
 * @param awaitingValidationBy the account whose holder is asked to validate
 * @param matchId             the agreed match it fulfils, or {@code null}
 * @param groupActivityId     the group activity it is an attendance of, or {@code null}
 * @param validationDeadline  when it expires if nobody validates it
 */
public record ContributionLogged(UUID eventId, Instant occurredAt, String timebankId, String contributionId,
                                 String giverAccountId, String receiverAccountId, LoggedBy side, String actorId,
                                 String onBehalfOf, String awaitingValidationBy, long minutes, LocalDate happenedOn,
                                 CoproductionKind kind, String description, String matchId, String groupActivityId,
                                 Instant validationDeadline) implements DomainEvent {

    public ContributionLogged {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(contributionId, "contributionId");
        Events.requireText(giverAccountId, "giverAccountId");
        Events.requireText(receiverAccountId, "receiverAccountId");
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
    }

    @Override
    public String subject() {
        return contributionId;
    }
}
