package org.reciprocity.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.Events;

/**
 * The ledger signed the head of a timebank's hash chain: at {@code checkpointedAt} its entry
 * {@code sequence} had hash {@code headHash}. Anyone may keep these records and later ask the
 * ledger to verify its chain against them: a rewrite of the database, even with every hash
 * recomputed, cannot match a checkpoint taken before it.
 *
 * <p>{@code signature} is Ed25519 (base64) by the key {@code keyId} (its public key is served at
 * {@code GET /api/v1/ledger/checkpoint-keys}) over these fields, each as its UTF-8 bytes preceded by
 * their length as a 4-byte big-endian integer: {@code "reciprocity.chain-checkpoint.v1"},
 * {@code timebankId}, {@code sequence} (decimal), {@code headHash}, {@code checkpointedAt} (epoch
 * milliseconds, decimal).
 *
 * @param sequence the number of entries the chain had, 0 for none
 * @param headHash SHA-256 (hex) of entry {@code sequence}, the chain head
 */
public record ChainCheckpointed(UUID eventId, Instant occurredAt, String timebankId, long sequence, String headHash,
                                Instant checkpointedAt, String keyId, String signature) implements DomainEvent {

    public ChainCheckpointed {
        Events.require(eventId, occurredAt, timebankId);
        Events.requireText(headHash, "headHash");
        Events.requireText(keyId, "keyId");
        Events.requireText(signature, "signature");
        if (checkpointedAt == null) {
            throw new IllegalArgumentException("checkpointedAt is required");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    @Override
    public String subject() {
        return timebankId;
    }
}
