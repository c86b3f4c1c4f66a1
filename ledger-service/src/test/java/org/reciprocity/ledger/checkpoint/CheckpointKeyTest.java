package org.reciprocity.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint signing key: kept in a file, created once, and checkable by a third party with the JDK alone. */
class CheckpointKeyTest {

    static final Instant AT = Instant.parse("2026-11-30T12:00:00.250Z");
    static final String HEAD = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsCreatedOnceAndReadBackAsTheSameKey() {
        Path file = dir.resolve("keys/checkpoint.pk8");

        CheckpointKey created = CheckpointKey.loadOrCreate(file);
        CheckpointKey readBack = CheckpointKey.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(readBack.id()).isEqualTo(created.id()).startsWith("ed25519-");
        assertThat(readBack.publicKeyBase64()).isEqualTo(created.publicKeyBase64());
        byte[] content = Checkpoints.signedContent("riverside", 7, HEAD, AT);
        assertThat(readBack.verifies(content, created.sign(content))).isTrue();
    }

    @Test
    void aThirdPartyChecksASignatureWithThePublishedPublicKeyAndTheJdkAlone() throws Exception {
        CheckpointKey key = CheckpointKey.loadOrCreate(dir.resolve("checkpoint.pk8"));
        String signature = key.sign(Checkpoints.signedContent("riverside", 7, HEAD, AT));

        PublicKey published = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKeyBase64())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(published);
        verifier.update(Checkpoints.signedContent("riverside", 7, HEAD, AT));

        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void aSignatureDoesNotCoverAnyOtherCheckpoint() {
        CheckpointKey key = CheckpointKey.loadOrCreate(dir.resolve("checkpoint.pk8"));
        String signature = key.sign(Checkpoints.signedContent("riverside", 7, HEAD, AT));

        assertThat(key.verifies(Checkpoints.signedContent("riverside", 8, HEAD, AT), signature)).isFalse();
        assertThat(key.verifies(Checkpoints.signedContent("riverside", 7, "cd".repeat(32), AT), signature)).isFalse();
        assertThat(key.verifies(Checkpoints.signedContent("riverside", 7, HEAD, AT.plusMillis(1)), signature)).isFalse();
        assertThat(key.verifies(Checkpoints.signedContent("riverside-2", 7, HEAD, AT), signature)).isFalse();
        assertThat(key.verifies(Checkpoints.signedContent("riverside", 7, HEAD, AT), "bm90IGEgc2lnbmF0dXJl")).isFalse();
        assertThat(key.verifies(Checkpoints.signedContent("riverside", 7, HEAD, AT), "%%% not base64")).isFalse();
    }

    @Test
    void anotherLedgersKeyDoesNotVerifyThisOnesSignatures() {
        CheckpointKey ours = CheckpointKey.loadOrCreate(dir.resolve("ours.pk8"));
        CheckpointKey theirs = CheckpointKey.loadOrCreate(dir.resolve("theirs.pk8"));
        byte[] content = Checkpoints.signedContent("riverside", 7, HEAD, AT);

        assertThat(theirs.id()).isNotEqualTo(ours.id());
        assertThat(ours.verifies(content, theirs.sign(content))).isFalse();
    }

    @Test
    void aFileThatIsNotAKeyStopsTheStartInWords() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.pk8"), "not a key");

        assertThatThrownBy(() -> CheckpointKey.loadOrCreate(file)).hasMessageContaining("does not hold an Ed25519 private key");
    }
}
