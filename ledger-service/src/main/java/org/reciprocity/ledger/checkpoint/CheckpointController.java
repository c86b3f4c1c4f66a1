package org.reciprocity.ledger.checkpoint;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.kit.access.Access;
import org.reciprocity.ledger.book.ChainVerification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signed checkpoints of the hash chain: take one now, the key that checks them, and verifying against kept ones. */
@RestController
class CheckpointController {

    private final Checkpoints checkpoints;
    private final CheckpointKey key;

    CheckpointController(Checkpoints checkpoints, CheckpointKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /**
     * Walks the hash chain from the first entry and names the first entry that was changed; holds it
     * against the checkpoints published on the broker too, which the database does not hold.
     */
    @Access("VERIFY_LEDGER")
    @GetMapping("/api/v1/timebanks/{timebankId}/ledger/verification")
    ChainVerification verifyAgainstPublished(@PathVariable String timebankId) {
        return checkpoints.verifyWithPublished(timebankId);
    }

    /** Signs the timebank's chain head now and publishes it as {@code ChainCheckpointed}. */
    @Access("TAKE_CHECKPOINT")
    @PostMapping("/api/v1/timebanks/{timebankId}/ledger/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    ChainCheckpointed take(@PathVariable String timebankId) {
        return checkpoints.takeNow(timebankId);
    }

    /**
     * Walks the chain and holds it against checkpoints someone kept outside the database (as read
     * from the checkpoints topic). Each must carry this ledger's signature, or nothing is verified.
     */
    @Access("VERIFY_LEDGER")
    @PostMapping("/api/v1/timebanks/{timebankId}/ledger/verification")
    ChainVerification verifyAgainstKept(@PathVariable String timebankId, @Valid @RequestBody VerifyRequest request) {
        return checkpoints.verify(timebankId, request.checkpoints());
    }

    /** The public key that checks checkpoint signatures: public, as a public key is. */
    @Access("READ_CHECKPOINT_KEYS")
    @GetMapping("/api/v1/ledger/checkpoint-keys")
    KeysResponse keys() {
        return new KeysResponse(List.of(new KeyResponse(key.id(), CheckpointKey.ALGORITHM, "X.509",
                key.publicKeyBase64())));
    }

    record VerifyRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid CheckpointRecord> checkpoints) {
    }

    /** A public key: {@code publicKey} is its X.509 SubjectPublicKeyInfo (DER), base64. */
    record KeyResponse(String keyId, String algorithm, String format, String publicKey) {
    }

    record KeysResponse(List<KeyResponse> keys) {
    }
}
