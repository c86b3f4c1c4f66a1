package org.reciprocity.ledger.checkpoint;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.kit.web.SafeId;

/**
 * A checkpoint as a third party kept it: a {@code ChainCheckpointed} event, sent back as it was
 * read from the topic ({@code eventId} and {@code occurredAt} may come along, and are not checked).
 */
record CheckpointRecord(UUID eventId, Instant occurredAt,
                        @NotBlank @SafeId String timebankId,
                        @NotNull @Min(0) Long sequence,
                        @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String headHash,
                        @NotNull Instant checkpointedAt,
                        @NotBlank @SafeId String keyId,
                        @NotBlank @Pattern(regexp = "[A-Za-z0-9+/]{1,200}={0,2}") String signature) {

    static CheckpointRecord of(ChainCheckpointed event) {
        return new CheckpointRecord(event.eventId(), event.occurredAt(), event.timebankId(), event.sequence(),
                event.headHash(), event.checkpointedAt(), event.keyId(), event.signature());
    }
}
