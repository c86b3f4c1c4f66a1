package org.reciprocity.contracts.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * One service forgot, or made unreadable, everything it held of an erased member. Each service that
 * holds personal data ({@code Topics.HOLDERS_OF_PERSONAL_DATA}) publishes it once per erasure; the
 * ledger collects them so the admin sees which services confirmed.
 *
 * @param service     the service that confirms ({@code matching-service}, …)
 * @param collections the collections it changed or checked, by name (never their content)
 */
public record ErasureConfirmed(UUID eventId, Instant occurredAt, String timebankId, String memberId, String service,
                               List<String> collections) implements DomainEvent {

    public ErasureConfirmed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(memberId, "memberId");
        Events.requireText(service, "service");
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    @Override
    public String subject() {
        return memberId;
    }
}
