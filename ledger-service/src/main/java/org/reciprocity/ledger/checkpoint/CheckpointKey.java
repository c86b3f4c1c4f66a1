package org.reciprocity.ledger.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.core.log.LogAccessor;

/**
 * The ledger's Ed25519 key that signs checkpoints, from the JDK's {@code java.security}. Kept in a
 * PKCS#8 file outside the database ({@code reciprocity.ledger.checkpoint.key-file}): someone who can
 * rewrite the database must not be able to sign for it too. A missing file is created with a new
 * key on first start, readable by its owner only, and the log says so.
 */
final class CheckpointKey {

    static final String ALGORITHM = "Ed25519";
    private static final LogAccessor LOG = new LogAccessor(CheckpointKey.class);

    private final String id;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.id = idOf(publicKey);
    }

    /** The key in {@code file}, or a new one written there if there is no file yet. */
    static CheckpointKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            CheckpointKey key = new CheckpointKey(pairOf(Files.readAllBytes(file)));
            LOG.info(() -> "checkpoints are signed with key " + key.id() + " from " + file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the checkpoint signing key at "
                    + file.toAbsolutePath() + " (reciprocity.ledger.checkpoint.key-file, LEDGER_CHECKPOINT_KEY_FILE)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " does not hold an Ed25519 private key in PKCS#8", e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path fresh = Files.createTempFile(dir, ".checkpoint-key", ".tmp");
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(fresh, KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair().getPrivate().getEncoded());
            // written aside then moved, so nobody reads half a key; no replace: of two instances
            // starting at once on one volume, the first key stays
            Files.move(fresh, file);
            LOG.warn(() -> "no checkpoint signing key was found, so a new one was generated at " + file.toAbsolutePath()
                    + ". Keep this file (and a copy of it) safe: checkpoints signed with it can only be checked with it.");
        } catch (FileAlreadyExistsException raced) {
            LOG.info(() -> "another instance created the checkpoint signing key at " + file.toAbsolutePath() + " first");
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /**
     * The key pair of a PKCS#8 Ed25519 private key. The JDK derives an Ed25519 public key only while
     * generating a pair, from 32 random bytes that are the private key itself; so the pair is
     * generated again from the stored private key's bytes, and checked by a signature.
     */
    private static KeyPair pairOf(byte[] pkcs8) throws GeneralSecurityException {
        EdECPrivateKey stored = (EdECPrivateKey) KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        byte[] seed = stored.getBytes().orElseThrow(() -> new GeneralSecurityException("the key's bytes are not readable"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair pair = new KeyPair(generator.generateKeyPair().getPublic(), stored);
        byte[] probe = "reciprocity checkpoint key check".getBytes(StandardCharsets.UTF_8);
        if (!verify(pair.getPublic(), probe, sign(stored, probe))) {
            throw new GeneralSecurityException("the public key derived from the private key does not verify its signatures");
        }
        return pair;
    }

    /** {@code ed25519-} and the first 16 hex digits of the SHA-256 of the public key (X.509). */
    static String idOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    String id() {
        return id;
    }

    /** The public key as X.509 SubjectPublicKeyInfo, base64: what a third party checks signatures with. */
    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(sign(privateKey, content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    /** Whether {@code signatureBase64} is this key's signature of {@code content}; false for anything malformed. */
    boolean verifies(byte[] content, String signatureBase64) {
        try {
            return verify(publicKey, content, Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return false;
        }
    }

    private static byte[] sign(PrivateKey key, byte[] content) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(key);
        signer.update(content);
        return signer.sign();
    }

    private static boolean verify(PublicKey key, byte[] content, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(key);
        verifier.update(content);
        return verifier.verify(signature);
    }
}
