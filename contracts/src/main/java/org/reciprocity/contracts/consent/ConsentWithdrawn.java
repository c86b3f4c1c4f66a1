package org.reciprocity.contracts.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * A member withdrew one of their consents: every service that acts on it stops from now on. Ids and facts only.
 *
 * @param recordedBy who recorded it: the member, or the coordinator who wrote down a paper consent
 * @param version    the place of this change in the member's consent history (1, 2, …): a reader
 *                   keeps, per consent, the change with the highest version, whatever order it hears them in
 */
public record ConsentWithdrawn(UUID eventId, Instant occurredAt, String timebankId, String memberId, Consent consent,
                             ConsentHow how, String recordedBy, long version) implements DomainEvent {

    public ConsentWithdrawn {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(how, "how");
        Events.requireText(recordedBy, "recordedBy");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    @Override
    public String subject() {
        return memberId;
    }
}
